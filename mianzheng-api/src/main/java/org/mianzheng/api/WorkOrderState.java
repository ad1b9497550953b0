package org.mianzheng.api;

/** States of a directed request: SUBMITTED → ACCEPTED → COMPLETED; RETURNED or CANCELLED end it otherwise. */
public enum WorkOrderState {
    /** Sent to the department. */
    SUBMITTED,
    /** The department accepted it. */
    ACCEPTED,
    /** Answered with a result. */
    COMPLETED,
    /** Returned as not in the department's remit, with reason and transfer suggestion. */
    RETURNED,
    /** Cancelled by the requester. */
    CANCELLED;

    /** @return whether no further transition is possible */
    public boolean terminal() {
        return this == COMPLETED || this == RETURNED || this == CANCELLED;
    }
}
