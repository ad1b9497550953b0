package org.mianzheng.store.jdbc.internal;

import java.time.Instant;
import org.mianzheng.api.StoreException;

/**
 * Instants are stored as {@code BIGINT} nanoseconds since 1970-01-01T00:00:00Z (UTC), exactly: the audit hash covers
 * nanoseconds, and a {@code TIMESTAMP} column keeps only microseconds on PostgreSQL. The range is
 * 1677-09-21T00:12:43.145224192Z .. 2262-04-11T23:47:16.854775807Z; query bounds outside it are clamped.
 */
public final class Instants {
    /** Earliest storable instant. */
    public static final Instant MIN = Instant.ofEpochSecond(0, Long.MIN_VALUE);
    /** Latest storable instant. */
    public static final Instant MAX = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private Instants() {
    }

    /**
     * @param t an instant
     * @return epoch nanoseconds
     * @throws StoreException if outside the storable range
     */
    public static long toNanos(Instant t) {
        if (t.isBefore(MIN) || t.isAfter(MAX)) {
            throw new StoreException("instant " + t + " is outside the storable range " + MIN + " .. " + MAX);
        }
        return clamp(t);
    }

    /**
     * @param t a query bound
     * @return epoch nanoseconds, clamped to the storable range
     */
    public static long clamp(Instant t) {
        if (!t.isAfter(MIN)) {
            return Long.MIN_VALUE;
        }
        if (!t.isBefore(MAX)) {
            return Long.MAX_VALUE;
        }
        long s = t.getEpochSecond();
        int n = t.getNano();
        if (s < 0 && n > 0) {
            return (s + 1) * 1_000_000_000L + (n - 1_000_000_000L);
        }
        return s * 1_000_000_000L + n;
    }

    /**
     * @param nanos epoch nanoseconds
     * @return the instant
     */
    public static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
