package org.mianzheng.api;

/**
 * The result of verifying the audit chain.
 *
 * @param ok            whether the chain is intact
 * @param eventsChecked how many events were read
 * @param problem       what is wrong, or {@code null}
 * @param atSequence    where: the sequence at which the problem shows, or {@code null}
 * @param detail        explanation
 */
public record AuditVerification(boolean ok, long eventsChecked, Problem problem, Long atSequence, String detail) {
    /** Kinds of tampering detected. */
    public enum Problem {
        /** An event's content no longer matches its hash. */
        MODIFIED,
        /** Events are missing (a gap in the sequence). */
        REMOVED,
        /** An event was added that does not belong (duplicate sequence or broken link). */
        INSERTED,
        /** Events are out of order. */
        REORDERED,
        /** The chain ends before the anchored head: events were cut off the end. */
        TRUNCATED
    }
}
