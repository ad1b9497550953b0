package org.mianzheng.api;

/** States of a complaint: RECEIVED → ASSIGNED → RESOLVED. */
public enum ComplaintState {
    /** Recorded, not yet assigned. */
    RECEIVED,
    /** Assigned to the department that handles it. */
    ASSIGNED,
    /** Resolved, with a written answer. */
    RESOLVED
}
