package org.mianzheng.api;

import java.time.Duration;

/**
 * One row of the SLA table (Art. 10(二)(三)).
 *
 * @param origin      window or online
 * @param complexity  normal or complex (a 承诺件 counts as complex)
 * @param answerGoal  the department answers (completes) within this
 * @param answerClock the clock the answer goal counts
 * @param returnGoal  a request outside the department's remit is returned within this
 * @param returnClock the clock the return goal counts
 */
public record SlaRule(Origin origin, Complexity complexity, Duration answerGoal, ClockKind answerClock, Duration returnGoal, ClockKind returnClock) {
    /** Validating constructor. */
    public SlaRule {
        InvalidValueException.requireNonNull(origin, "origin");
        InvalidValueException.requireNonNull(complexity, "complexity");
        positive(answerGoal, "answerGoal");
        InvalidValueException.requireNonNull(answerClock, "answerClock");
        positive(returnGoal, "returnGoal");
        InvalidValueException.requireNonNull(returnClock, "returnClock");
    }

    private static void positive(Duration d, String f) {
        InvalidValueException.requireNonNull(d, f);
        if (d.isZero() || d.isNegative()) {
            throw new InvalidValueException(f, "must be positive");
        }
    }
}
