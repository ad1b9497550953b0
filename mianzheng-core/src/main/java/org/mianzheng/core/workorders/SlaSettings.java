package org.mianzheng.core.workorders;

import java.time.Duration;
import java.util.List;
import org.mianzheng.api.InvalidValueException;

/**
 * Warning and escalation settings. Defaults: warnings at 50 % and 80 % of the answer goal elapsed and 5 minutes
 * before the deadline; escalation to the department lead at 50 % of the goal past the deadline and to the
 * supervising office at 100 %; a notification more than 1 minute past its time is marked late; the engine's own
 * sweep runs every 15 seconds and claims due actions 200 at a time with a lease of 2 minutes.
 *
 * @param warnAtFractions   shares of the goal at which to warn, each in (0, 1)
 * @param warnBefore        warn this long before the deadline (natural time); zero disables
 * @param escalateLeadAfter fraction of the goal past the deadline at which the department lead is told
 * @param escalateOfficeAfter fraction of the goal past the deadline at which the supervising office is told
 * @param lateAfter         a notification sent later than this after its time is marked late
 * @param sweepEvery        period of the engine's own sweep; zero disables it (call {@code runDueActions()})
 * @param claimLease        how long a sweep's claim on due actions lasts unless renewed; a node that dies holds its
 *                          claims this long before another node takes them over (keep it well above clock skew)
 * @param claimBatch        due actions claimed per store call
 */
public record SlaSettings(List<Double> warnAtFractions, Duration warnBefore, double escalateLeadAfter, double escalateOfficeAfter,
                          Duration lateAfter, Duration sweepEvery, Duration claimLease, int claimBatch) {
    /** Default lease of claimed due actions. */
    public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofMinutes(2);
    /** Default claim batch. */
    public static final int DEFAULT_CLAIM_BATCH = 200;

    /** Validating constructor. */
    public SlaSettings {
        warnAtFractions = List.copyOf(InvalidValueException.requireNonNull(warnAtFractions, "warnAtFractions"));
        for (double f : warnAtFractions) {
            if (!(f > 0 && f < 1)) {
                throw new InvalidValueException("warnAtFractions", "each in (0, 1)");
            }
        }
        InvalidValueException.requireNonNull(warnBefore, "warnBefore");
        if (escalateLeadAfter < 0 || escalateOfficeAfter < escalateLeadAfter) {
            throw new InvalidValueException("escalateOfficeAfter", "0 ≤ lead ≤ office");
        }
        InvalidValueException.requireNonNull(lateAfter, "lateAfter");
        InvalidValueException.requireNonNull(sweepEvery, "sweepEvery");
        if (warnBefore.isNegative() || lateAfter.isNegative() || sweepEvery.isNegative()) {
            throw new InvalidValueException("durations", "not negative");
        }
        InvalidValueException.requireNonNull(claimLease, "claimLease");
        if (claimLease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidValueException("claimLease", "at least 1 second");
        }
        if (claimBatch < 1 || claimBatch > 10_000) {
            throw new InvalidValueException("claimBatch", "between 1 and 10,000");
        }
    }

    /**
     * Settings with the default lease and claim batch.
     *
     * @param warnAtFractions     shares of the goal at which to warn
     * @param warnBefore          warn this long before the deadline
     * @param escalateLeadAfter   fraction of the goal past the deadline for the department lead
     * @param escalateOfficeAfter fraction of the goal past the deadline for the supervising office
     * @param lateAfter           lateness threshold
     * @param sweepEvery          sweep period
     */
    public SlaSettings(List<Double> warnAtFractions, Duration warnBefore, double escalateLeadAfter, double escalateOfficeAfter,
                       Duration lateAfter, Duration sweepEvery) {
        this(warnAtFractions, warnBefore, escalateLeadAfter, escalateOfficeAfter, lateAfter, sweepEvery, DEFAULT_CLAIM_LEASE, DEFAULT_CLAIM_BATCH);
    }

    /** @return the defaults */
    public static SlaSettings defaults() {
        return new SlaSettings(List.of(0.5, 0.8), Duration.ofMinutes(5), 0.5, 1.0, Duration.ofMinutes(1), Duration.ofSeconds(15));
    }

    /**
     * @param every sweep period; zero disables the engine's own sweep
     * @return a copy
     */
    public SlaSettings withSweepEvery(Duration every) {
        return new SlaSettings(warnAtFractions, warnBefore, escalateLeadAfter, escalateOfficeAfter, lateAfter, every, claimLease, claimBatch);
    }

    /**
     * @param lease the lease of claimed due actions
     * @param batch due actions claimed per store call
     * @return a copy
     */
    public SlaSettings withClaims(Duration lease, int batch) {
        return new SlaSettings(warnAtFractions, warnBefore, escalateLeadAfter, escalateOfficeAfter, lateAfter, sweepEvery, lease, batch);
    }
}
