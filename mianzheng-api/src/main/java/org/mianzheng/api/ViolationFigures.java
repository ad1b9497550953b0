package org.mianzheng.api;

import java.util.Map;

/**
 * Violation figures of a report (Art. 11, 12).
 *
 * @param byKind    violations recorded in the period, by rule
 * @param refused   of those, refused acts
 * @param flagged   of those, flagged for review only
 * @param confirmed review decisions in the period that confirmed a violation
 * @param dismissed review decisions in the period that dismissed one on an Art. 12 ground
 */
public record ViolationFigures(Map<ViolationKind, Long> byKind, long refused, long flagged, long confirmed, long dismissed) {
    /** Validating constructor. */
    public ViolationFigures {
        byKind = SortedCopies.enumKeyed(byKind, ViolationKind.class, "byKind");
        SortedCopies.count(refused, "refused");
        SortedCopies.count(flagged, "flagged");
        SortedCopies.count(confirmed, "confirmed");
        SortedCopies.count(dismissed, "dismissed");
    }

    /** @return violations recorded in the period */
    public long total() {
        return refused + flagged;
    }
}
