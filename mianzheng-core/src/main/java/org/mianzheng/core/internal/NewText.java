package org.mianzheng.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import org.mianzheng.api.InvalidValueException;

/**
 * Checks new input, before anything is recorded or stored, for text a store cannot keep as it is: a NUL character
 * (PostgreSQL refuses it) or half a surrogate pair (it has no UTF-8 form). The value types accept such text, since
 * they are also rebuilt from what stores hold; the services check what comes in, so that such a value is refused with
 * an {@link InvalidValueException} naming where it is, before its act is audited, and not with a vague store error
 * after it. Unsupported outside the engine.
 */
public final class NewText {
    private NewText() {
    }

    /**
     * Walks a value: every string in it, in record components, lists, sets and map keys and values, at any depth.
     * Other values (numbers, enums, times) are skipped.
     *
     * @param value a string, record, collection or map (or {@code null})
     * @param path  where it is, for the message (e.g. {@code filing})
     * @throws InvalidValueException naming the path of the first string a store cannot keep, and the position in it
     */
    public static void check(Object value, String path) {
        if (value instanceof String s) {
            InvalidValueException.requireStorable(s, path);
        } else if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                check(component(r, c), path + "." + c.getName());
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                check(e.getKey(), path + " key");
                check(e.getValue(), path + "." + e.getKey());
            }
        } else if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                check(o, path + "[" + i++ + "]");
            }
        }
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("record component " + c + " cannot be read", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("record component " + c + " failed", cause);
        }
    }
}
