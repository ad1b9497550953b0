package org.mianzheng.api;

/**
 * A supervision request was refused: a rule-based report that the catalog contradicts, an unknown or already
 * reviewed violation, an unknown complaint or an illegal complaint transition.
 */
public class SupervisionException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The plan does not exempt the material: demanding it is no violation. */
        NOT_EXEMPT,
        /** The item requires the material, with a legal basis: demanding it is no violation. */
        HAS_LEGAL_BASIS,
        /** No such violation. */
        UNKNOWN_VIOLATION,
        /** The violation was reviewed already. */
        ALREADY_REVIEWED,
        /** A supervisor may not review a violation recorded against their own account. */
        OWN_VIOLATION,
        /** No such complaint. */
        UNKNOWN_COMPLAINT,
        /** No such case, department, material or account. */
        UNKNOWN_REFERENCE,
        /** The complaint's state does not allow the change. */
        ILLEGAL_TRANSITION,
        /** Another node changed the complaint first. */
        CONCURRENT_UPDATE
    }

    private final Reason reason;

    /**
     * @param reason  what went wrong
     * @param message detail, free of personal data
     */
    public SupervisionException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /** @return what went wrong */
    public Reason reason() {
        return reason;
    }
}
