package org.mianzheng.api;

/** A store could not read or durably write. The operation that needed it did not take effect. */
public class StoreException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /** @param message detail */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message detail
     * @param cause   cause
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
