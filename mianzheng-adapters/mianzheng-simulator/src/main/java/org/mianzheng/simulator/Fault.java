package org.mianzheng.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault injected on a route: what goes wrong, and for how many requests ({@code -1} = until cleared).
 *
 * @param kind   what goes wrong
 * @param delay  for {@link Kind#LATENCY}: the extra delay
 * @param code   for {@link Kind#STATUS}: the platform status code to answer with
 * @param bytes  for {@link Kind#OVERSIZED_BODY}: the body size
 * @param times  how many requests it hits, or {@code -1} for all until cleared
 */
public record Fault(Kind kind, Duration delay, String code, int bytes, int times) {
    /** What goes wrong. */
    public enum Kind {
        /** Answer late by {@link Fault#delay()}. */
        LATENCY,
        /** HTTP 503 without a platform envelope (the request is not processed). */
        SERVER_ERROR,
        /** The connection is closed without an answer (after processing). */
        CONNECTION_RESET,
        /** No answer at all (after processing): the connection stays open until the simulator closes. */
        NO_ANSWER,
        /** HTTP 200 with a body that is not JSON. */
        MALFORMED_JSON,
        /** The declared Content-Length is not delivered: half the body, then the connection closes. */
        TRUNCATED_BODY,
        /** A body of {@link Fault#bytes()} bytes (larger than any client limit). */
        OVERSIZED_BODY,
        /** The licence in the answer belongs to another holder. */
        WRONG_HOLDER,
        /** The platform's authentication-failed status (token rejected). */
        AUTHENTICATION_FAILURE,
        /** HTTP 429 with {@code Retry-After: 0} (the request is not processed). */
        RATE_LIMITED,
        /** Answer with the platform status code {@link Fault#code()} (e.g. an unknown one). */
        STATUS,
        /** The file's content does not match its declared SHA-256. */
        CORRUPT_FILE
    }

    /** Validating constructor. */
    public Fault {
        Objects.requireNonNull(kind, "kind");
        delay = delay == null ? Duration.ZERO : delay;
        if (times == 0 || times < -1) {
            throw new IllegalArgumentException("times must be positive or -1, got " + times);
        }
    }

    /**
     * @param kind what goes wrong
     * @return that fault, until cleared
     */
    public static Fault of(Kind kind) {
        return new Fault(kind, Duration.ZERO, null, kind == Kind.OVERSIZED_BODY ? 48 * 1024 * 1024 : 0, -1);
    }

    /** @param d extra delay @return a latency fault */
    public static Fault latency(Duration d) {
        return new Fault(Kind.LATENCY, d, null, 0, -1);
    }

    /** @param code platform status code @return a fault answering with that code */
    public static Fault status(String code) {
        return new Fault(Kind.STATUS, Duration.ZERO, Objects.requireNonNull(code, "code"), 0, -1);
    }

    /** @param bytes body size @return an oversized-body fault */
    public static Fault oversized(int bytes) {
        return new Fault(Kind.OVERSIZED_BODY, Duration.ZERO, null, bytes, -1);
    }

    /**
     * @param n requests
     * @return this fault for the next {@code n} requests only
     */
    public Fault times(int n) {
        return new Fault(kind, delay, code, bytes, n);
    }

    /** @return whether the request is refused before it is processed */
    boolean refusesBeforeProcessing() {
        return kind == Kind.SERVER_ERROR || kind == Kind.RATE_LIMITED || kind == Kind.AUTHENTICATION_FAILURE || kind == Kind.STATUS
                || kind == Kind.OVERSIZED_BODY || kind == Kind.MALFORMED_JSON;
    }
}
