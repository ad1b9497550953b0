package org.mianzheng.api;

/**
 * Root of every exception mianzheng throws. Unchecked; one subclass per area, with the context in getters.
 *
 * <p>Messages never contain personal data: identity numbers appear masked (see {@link Masking}). As a last guard, a
 * resident identity number standing on its own in a message (an identifier someone typed where a code was expected,
 * say) is masked here too ({@link Masking#maskIdentityNumbersIn}).
 */
public class MianzhengException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message precise description, free of personal data
     */
    public MianzhengException(String message) {
        super(Masking.maskIdentityNumbersIn(message));
    }

    /**
     * @param message precise description, free of personal data
     * @param cause   underlying cause
     */
    public MianzhengException(String message, Throwable cause) {
        super(Masking.maskIdentityNumbersIn(message), cause);
    }
}
