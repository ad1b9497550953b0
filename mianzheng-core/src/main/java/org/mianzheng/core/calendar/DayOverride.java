package org.mianzheng.core.calendar;

import java.time.LocalDate;
import org.mianzheng.api.InvalidValueException;

/**
 * An exception to the regular week on one date.
 *
 * @param date  the date, in the calendar's zone
 * @param kind  {@link Kind#OFF}, {@link Kind#WORK} or {@link Kind#HOURS}
 * @param hours the special hours for {@link Kind#HOURS}; {@code null} (read as none) for the other kinds
 * @param name  a label such as {@code 春节}, or {@code null}
 */
public record DayOverride(LocalDate date, Kind kind, OfficeHours hours, String name) {
    /** What the override does. */
    public enum Kind {
        /** No working time (a holiday). */
        OFF,
        /** A make-up working day (调休): that season's normal weekday hours, whatever the day of the week. */
        WORK,
        /** Special hours for the date. */
        HOURS
    }

    /** Validating constructor. */
    public DayOverride {
        InvalidValueException.requireNonNull(date, "override.date");
        InvalidValueException.requireNonNull(kind, "override.kind");
        if (kind == Kind.HOURS) {
            InvalidValueException.requireNonNull(hours, "override.hours");
        } else if (hours != null) {
            throw new InvalidValueException("override.hours", "only an override of kind HOURS has hours, not " + kind);
        }
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /**
     * @param date a date
     * @return a holiday
     */
    public static DayOverride off(LocalDate date) {
        return new DayOverride(date, Kind.OFF, null, null);
    }

    /**
     * @param date a date
     * @return a make-up working day
     */
    public static DayOverride work(LocalDate date) {
        return new DayOverride(date, Kind.WORK, null, null);
    }

    /**
     * @param date  a date
     * @param hours its special hours
     * @return a special-hours day
     */
    public static DayOverride hours(LocalDate date, OfficeHours hours) {
        return new DayOverride(date, Kind.HOURS, hours, null);
    }

    /**
     * @param rules the regular week
     * @return the office hours of the date under this override
     */
    public OfficeHours effectiveHours(CalendarRules rules) {
        if (kind == Kind.OFF) {
            return OfficeHours.NONE;
        }
        if (kind == Kind.WORK) {
            return rules.seasonOf(java.time.MonthDay.from(date)).weekdayHours();
        }
        return hours;
    }
}
