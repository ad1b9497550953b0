package org.mianzheng.platform;

import java.time.Duration;
import org.mianzheng.api.InvalidValueException;

/**
 * Bounded retries of idempotent calls with exponential backoff and jitter ("equal jitter": half fixed, half random).
 * Only idempotent calls (queries, downloads, status, login) are retried, and only after an {@code UNAVAILABLE} or
 * {@code TIMEOUT} attempt; a {@code Retry-After} header is honoured up to {@link #maxBackoff()}.
 * Non-idempotent calls (directed {@code submit}, {@code cancel}) are never retried blindly.
 *
 * @param maxAttempts    attempts in total, at least 1 (1 = no retry)
 * @param initialBackoff backoff before the second attempt
 * @param maxBackoff     cap of any single backoff
 * @param jitter         fraction of each backoff that is random, 0..1
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {
    /** Validating constructor. */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new InvalidValueException("retry.maxAttempts", "must be 1..10, got " + maxAttempts);
        }
        InvalidValueException.requireNonNull(initialBackoff, "retry.initialBackoff");
        InvalidValueException.requireNonNull(maxBackoff, "retry.maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new InvalidValueException("retry.maxBackoff", "backoffs must be non-negative and maxBackoff >= initialBackoff");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new InvalidValueException("retry.jitter", "must be within 0..1, got " + jitter);
        }
    }

    /** @return 3 attempts, 100 ms initial, 1 s cap, jitter 0.5 */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 0.5);
    }

    /** @return a single attempt */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);
    }

    /**
     * @param failedAttempt the attempt that just failed, from 1
     * @param random        a uniform random number in [0, 1)
     * @return how long to wait before the next attempt
     */
    public Duration backoff(int failedAttempt, double random) {
        long base = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        long exp = base << Math.min(20, Math.max(0, failedAttempt - 1));
        long d = Math.min(cap, exp < 0 ? cap : exp);
        long fixed = Math.round(d * (1 - jitter));
        long randomPart = Math.round((d - fixed) * random);
        return Duration.ofMillis(fixed + randomPart);
    }

    /** @return the largest total wait the backoffs can add */
    public Duration worstCaseBackoff() {
        Duration total = Duration.ZERO;
        for (int i = 1; i < maxAttempts; i++) {
            total = total.plus(backoff(i, 1.0));
        }
        return total;
    }
}
