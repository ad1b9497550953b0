package org.mianzheng.core.internal;

import java.util.function.Supplier;
import org.mianzheng.api.AdapterException;
import org.mianzheng.api.MianzhengException;

/** Guards calls into adapters: an exception or {@code null} becomes an {@link AdapterException} naming the adapter. */
public final class Guard {
    private Guard() {
    }

    /**
     * @param adapterId the adapter's id
     * @param what      the operation, for the message
     * @param call      the call
     * @param <T>       result type
     * @return the non-null result
     */
    public static <T> T call(String adapterId, String what, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (MianzhengException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            throw new AdapterException(adapterId, what + " failed: " + e.getClass().getName(), e);
        }
        if (result == null) {
            throw new AdapterException(adapterId, what + " returned null", null);
        }
        return result;
    }

    /**
     * @param adapterId the adapter's id
     * @param what      the operation
     * @param call      the call
     */
    public static void run(String adapterId, String what, Runnable call) {
        call(adapterId, what, () -> {
            call.run();
            return Boolean.TRUE;
        });
    }
}
