package org.mianzheng.api;

/** The audit chain could not record an event (fail closed: the act did not take effect), or reading it failed. */
public class AuditException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message detail
     * @param cause   cause
     */
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
