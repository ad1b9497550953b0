package org.mianzheng.api;

/**
 * An act was refused by the misuse guard (Art. 11(7)): no or invalid consent, material out of scope, unknown or
 * deregistered account, wrong role, or a flagged pattern configured to refuse. The refusal is recorded as a
 * {@link Violation} and in the audit chain before this is thrown.
 */
public class AccessDeniedException extends MianzhengException {
    private static final long serialVersionUID = 1L;
    private final ViolationKind kind;
    private final String operatorId;

    /**
     * @param kind       why
     * @param operatorId who tried
     * @param message    detail, free of personal data
     */
    public AccessDeniedException(ViolationKind kind, String operatorId, String message) {
        super(kind + " (" + kind.article() + "): " + message);
        this.kind = kind;
        this.operatorId = operatorId;
    }

    /** @return why */
    public ViolationKind kind() {
        return kind;
    }

    /** @return who tried */
    public String operatorId() {
        return operatorId;
    }
}
