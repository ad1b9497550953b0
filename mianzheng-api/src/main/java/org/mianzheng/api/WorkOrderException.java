package org.mianzheng.api;

/** A work-order request was refused: unknown order, illegal transition, missing reason or transfer suggestion, stale version. */
public class WorkOrderException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** No such order. */
        UNKNOWN_ORDER,
        /** The state does not allow the transition. */
        ILLEGAL_TRANSITION,
        /** The material cannot be requested this way (not DIRECTED, not in the item...). */
        NOT_DIRECTED,
        /** Another node changed the order first. */
        CONCURRENT_UPDATE,
        /** A required value is missing (return reason, transfer suggestion, result). */
        INVALID
    }

    private final Reason reason;
    private final String orderId;

    /**
     * @param reason  what went wrong
     * @param orderId the order, or {@code null}
     * @param message detail
     */
    public WorkOrderException(Reason reason, String orderId, String message) {
        super((orderId == null ? "" : "work order " + orderId + ": ") + message);
        this.reason = reason;
        this.orderId = orderId;
    }

    /** @return what went wrong */
    public Reason reason() {
        return reason;
    }

    /** @return the order, or {@code null} */
    public String orderId() {
        return orderId;
    }
}
