package org.mianzheng.core.retrieval;

import java.time.Duration;
import org.mianzheng.api.InvalidValueException;

/**
 * Settings of retrieval and of the misuse guard. Defaults: {@link #defaults()}.
 *
 * @param channelTimeout           per-channel timeout (default 5 s)
 * @param overallDeadline          deadline of a whole retrieval across channels (default 12 s)
 * @param cacheTtl                 how long a retrieved licence is served from the cache (default 10 min)
 * @param cacheMaxEntries          cache size bound (default 10,000)
 * @param breakerFailureRatePct    failure rate that opens a channel's circuit breaker (default 50 %)
 * @param breakerMinimumCalls      calls before the failure rate counts (default 10)
 * @param breakerOpenFor           how long an open breaker stays open (default 30 s)
 * @param bulkHolderLimit          distinct holders one operator may touch per window before it is flagged (default 30)
 * @param bulkWindow               the window (default 1 h)
 * @param refuseBulk               refuse instead of only flagging bulk harvesting (default false)
 * @param refuseOutsideOfficeHours refuse instead of only flagging retrieval outside office hours (default false)
 */
public record RetrievalSettings(Duration channelTimeout, Duration overallDeadline, Duration cacheTtl, long cacheMaxEntries,
                                int breakerFailureRatePct, int breakerMinimumCalls, Duration breakerOpenFor, int bulkHolderLimit,
                                Duration bulkWindow, boolean refuseBulk, boolean refuseOutsideOfficeHours) {
    /** Validating constructor. */
    public RetrievalSettings {
        positive(channelTimeout, "channelTimeout");
        positive(overallDeadline, "overallDeadline");
        positive(cacheTtl, "cacheTtl");
        positive(breakerOpenFor, "breakerOpenFor");
        positive(bulkWindow, "bulkWindow");
        if (cacheMaxEntries < 1 || breakerMinimumCalls < 1 || bulkHolderLimit < 1 || breakerFailureRatePct < 1 || breakerFailureRatePct > 100) {
            throw new InvalidValueException("retrievalSettings", "cacheMaxEntries, breakerMinimumCalls, bulkHolderLimit ≥ 1; failure rate 1..100");
        }
    }

    private static void positive(Duration d, String f) {
        InvalidValueException.requireNonNull(d, f);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidValueException(f, "must be positive");
        }
    }

    /** @return the defaults */
    public static RetrievalSettings defaults() {
        return new RetrievalSettings(Duration.ofSeconds(5), Duration.ofSeconds(12), Duration.ofMinutes(10), 10_000, 50, 10,
                Duration.ofSeconds(30), 30, Duration.ofHours(1), false, false);
    }

    /**
     * @param perChannel per-channel timeout
     * @param overall    overall deadline
     * @return a copy with these timeouts
     */
    public RetrievalSettings withTimeouts(Duration perChannel, Duration overall) {
        return new RetrievalSettings(perChannel, overall, cacheTtl, cacheMaxEntries, breakerFailureRatePct, breakerMinimumCalls, breakerOpenFor,
                bulkHolderLimit, bulkWindow, refuseBulk, refuseOutsideOfficeHours);
    }

    /**
     * @param ttl        cache TTL
     * @param maxEntries cache bound
     * @return a copy with this cache
     */
    public RetrievalSettings withCache(Duration ttl, long maxEntries) {
        return new RetrievalSettings(channelTimeout, overallDeadline, ttl, maxEntries, breakerFailureRatePct, breakerMinimumCalls, breakerOpenFor,
                bulkHolderLimit, bulkWindow, refuseBulk, refuseOutsideOfficeHours);
    }

    /**
     * @param failureRatePct failure rate that opens
     * @param minimumCalls   minimum calls
     * @param openFor        open duration
     * @return a copy with these breaker settings
     */
    public RetrievalSettings withBreaker(int failureRatePct, int minimumCalls, Duration openFor) {
        return new RetrievalSettings(channelTimeout, overallDeadline, cacheTtl, cacheMaxEntries, failureRatePct, minimumCalls, openFor,
                bulkHolderLimit, bulkWindow, refuseBulk, refuseOutsideOfficeHours);
    }

    /**
     * @param holderLimit     distinct holders per window
     * @param window          the window
     * @param refuse          refuse bulk harvesting instead of flagging
     * @param refuseOffHours  refuse outside office hours instead of flagging
     * @return a copy with these guard settings
     */
    public RetrievalSettings withGuard(int holderLimit, Duration window, boolean refuse, boolean refuseOffHours) {
        return new RetrievalSettings(channelTimeout, overallDeadline, cacheTtl, cacheMaxEntries, breakerFailureRatePct, breakerMinimumCalls,
                breakerOpenFor, holderLimit, window, refuse, refuseOffHours);
    }
}
