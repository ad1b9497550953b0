package org.mianzheng.core.calendar;

import java.time.MonthDay;
import org.mianzheng.api.InvalidValueException;

/**
 * A seasonal variant of the weekday office hours, from {@code from} to {@code to} inclusive, every year. The range
 * may wrap over the new year (e.g. winter, October 1 to April 30).
 *
 * @param name         a label, e.g. {@code winter}
 * @param from         first day of the season
 * @param to           last day of the season, inclusive
 * @param weekdayHours office hours of a working day in this season (also used by make-up working days)
 */
public record Season(String name, MonthDay from, MonthDay to, OfficeHours weekdayHours) {
    /** Validating constructor. */
    public Season {
        name = InvalidValueException.requireText(name, "season.name");
        InvalidValueException.requireNonNull(from, "season.from");
        InvalidValueException.requireNonNull(to, "season.to");
        InvalidValueException.requireNonNull(weekdayHours, "season.weekdayHours");
    }

    /**
     * @param day a day of the year
     * @return whether it belongs to this season
     */
    public boolean contains(MonthDay day) {
        if (!from.isAfter(to)) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
        return !day.isBefore(from) || !day.isAfter(to);
    }
}
