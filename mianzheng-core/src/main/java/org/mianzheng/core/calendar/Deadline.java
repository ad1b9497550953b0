package org.mianzheng.core.calendar;

import java.time.Instant;
import org.mianzheng.api.InvalidValueException;

/**
 * A deadline computed in working time.
 *
 * @param at          the instant the goal falls due
 * @param provisional {@code true} if some day between the start and {@code at} lies in a year whose holiday data is
 *                    not loaded, so plain weekdays were assumed; recompute when the data arrives
 */
public record Deadline(Instant at, boolean provisional) {
    /** Validating constructor. */
    public Deadline {
        InvalidValueException.requireNonNull(at, "at");
    }
}
