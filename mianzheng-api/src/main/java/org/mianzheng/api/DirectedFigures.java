package org.mianzheng.api;

import java.time.Duration;
import java.util.Map;

/**
 * Directed-request figures of a report, over the orders <em>created</em> in the period, each in its state as of the
 * period's end (see {@code docs/supervision.md} for the exact definitions).
 *
 * @param created     orders created in the period
 * @param completed   of those, completed by the period's end
 * @param returned    returned by the period's end
 * @param transferred returned and transferred to another department
 * @param cancelled   cancelled
 * @param pending     still open at the period's end and not yet due
 * @param compliance  answered or returned in time ÷ settled (completed + returned + overdue open)
 * @param responseP50 median time from creation to completion or return (nearest rank), or {@code null} if none
 * @param responseP90 90th percentile of the same, or {@code null}
 * @param breaches    breaches by reason
 */
public record DirectedFigures(long created, long completed, long returned, long transferred, long cancelled, long pending, Ratio compliance,
                              Duration responseP50, Duration responseP90, Map<BreachReason, Long> breaches) {
    /** Validating constructor. */
    public DirectedFigures {
        SortedCopies.count(created, "created");
        SortedCopies.count(completed, "completed");
        SortedCopies.count(returned, "returned");
        SortedCopies.count(transferred, "transferred");
        SortedCopies.count(cancelled, "cancelled");
        SortedCopies.count(pending, "pending");
        InvalidValueException.requireNonNull(compliance, "compliance");
        breaches = SortedCopies.enumKeyed(breaches, BreachReason.class, "breaches");
    }

    /** @return the number of breaches, all reasons */
    public long breachCount() {
        return breaches.values().stream().mapToLong(Long::longValue).sum();
    }
}
