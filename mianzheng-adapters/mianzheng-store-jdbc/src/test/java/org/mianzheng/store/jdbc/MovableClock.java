package org.mianzheng.store.jdbc;

import org.mianzheng.core.Mianzheng;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests move by hand (thread-safe). */
public final class MovableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    /** @param start the first instant */
    public MovableClock(Instant start) {
        this(start, Mianzheng.DEFAULT_ZONE);
    }

    private MovableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** @param d how far to move */
    public void advance(Duration d) {
        now = now.plus(d);
    }

    /** @param instant where to move */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new MovableClock(now, z);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
