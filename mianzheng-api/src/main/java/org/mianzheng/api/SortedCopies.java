package org.mianzheng.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Immutable, deterministically ordered copies of the maps that report values hold. */
final class SortedCopies {
    private SortedCopies() {
    }

    /**
     * @param m    a map or {@code null}
     * @param type the enum type
     * @param name field name, for messages
     * @param <K>  key type
     * @param <V>  value type
     * @return an unmodifiable copy iterating in the enum's declaration order
     */
    static <K extends Enum<K>, V> Map<K, V> enumKeyed(Map<K, V> m, Class<K> type, String name) {
        EnumMap<K, V> copy = new EnumMap<>(type);
        if (m != null) {
            for (Map.Entry<K, V> e : m.entrySet()) {
                copy.put(InvalidValueException.requireNonNull(e.getKey(), name + ".key"), InvalidValueException.requireNonNull(e.getValue(),
                        name + "." + e.getKey()));
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * @param m    a map or {@code null}
     * @param name field name, for messages
     * @param <V>  value type
     * @return an unmodifiable copy iterating in key order
     */
    static <V> Map<String, V> stringKeyed(Map<String, V> m, String name) {
        TreeMap<String, V> copy = new TreeMap<>();
        if (m != null) {
            for (Map.Entry<String, V> e : m.entrySet()) {
                copy.put(InvalidValueException.requireNonNull(e.getKey(), name + ".key"), InvalidValueException.requireNonNull(e.getValue(),
                        name + "." + e.getKey()));
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * @param value a count
     * @param name  field name
     * @return the count
     */
    static long count(long value, String name) {
        if (value < 0) {
            throw new InvalidValueException(name, "a count is not negative");
        }
        return value;
    }
}
