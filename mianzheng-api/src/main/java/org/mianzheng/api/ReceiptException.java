package org.mianzheng.api;

/**
 * A receipt (Art. 13, 14) could not be produced, read or administered: its content does not fit the page, a seal
 * profile is unknown, a voucher number was already registered, the bytes handed to the verifier are not a PDF, and
 * similar. Signing failures use the more precise {@link SigningException}.
 */
public class ReceiptException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message precise description, free of personal data
     */
    public ReceiptException(String message) {
        super(message);
    }

    /**
     * @param message precise description, free of personal data
     * @param cause   underlying cause
     */
    public ReceiptException(String message, Throwable cause) {
        super(message, cause);
    }
}
