package org.mianzheng.api;

/**
 * Root of every exception mianzheng throws. Unchecked; one subclass per area, with the context in getters.
 *
 * <p>Messages never contain personal data: identity numbers appear masked (see {@link Masking}).
 */
public class MianzhengException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message precise description, free of personal data
     */
    public MianzhengException(String message) {
        super(message);
    }

    /**
     * @param message precise description, free of personal data
     * @param cause   underlying cause
     */
    public MianzhengException(String message, Throwable cause) {
        super(message, cause);
    }
}
