package org.mianzheng.platform;

import java.time.Duration;
import org.mianzheng.api.InvalidValueException;

/**
 * Per-call time limits. Each HTTP attempt is bounded by its limit (headers and body); retries add attempts, each
 * bounded again. The engine's overall deadline still applies on top.
 *
 * @param connect connection establishment
 * @param call    one JSON call (login, query, status)
 * @param file    one call that carries a file (licence file, directed result)
 */
public record Timeouts(Duration connect, Duration call, Duration file) {
    /** Validating constructor: all positive. */
    public Timeouts {
        positive(connect, "connect");
        positive(call, "call");
        positive(file, "file");
    }

    /** @return connect 3 s, call 5 s, file 15 s */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(15));
    }

    /**
     * @param all one limit for everything
     * @return timeouts with that limit everywhere
     */
    public static Timeouts of(Duration all) {
        return new Timeouts(all, all, all);
    }

    private static void positive(Duration d, String field) {
        InvalidValueException.requireNonNull(d, "timeouts." + field);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidValueException("timeouts." + field, "must be positive, got " + d);
        }
    }
}
