package org.mianzheng.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.mianzheng.api.InvalidValueException;

/**
 * The regular week of a working calendar, before any date override: the time zone, the working days of the week
 * and the seasonal weekday office hours. Outside the loaded years, deadlines are computed from these rules alone
 * (provisional).
 *
 * <p>Defaults ({@link #defaults()}): {@code Asia/Shanghai}, Monday to Friday, winter (October 1 to April 30)
 * 08:30–12:00 and 14:30–18:00, summer (May 1 to September 30) 08:30–12:00 and 15:00–18:30.
 *
 * @param zone        the time zone office hours are read in
 * @param workingDays the days of the week that are working days unless a date override says otherwise
 * @param seasons     seasons covering every day of the year (February 29 included) exactly once
 */
public record CalendarRules(ZoneId zone, Set<DayOfWeek> workingDays, List<Season> seasons) {
    /** The default time zone. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** Default winter hours, October 1 to April 30: 08:30–12:00 and 14:30–18:00. */
    public static final Season DEFAULT_WINTER = new Season("winter", MonthDay.of(Month.OCTOBER, 1), MonthDay.of(Month.APRIL, 30),
            OfficeHours.of("08:30-12:00", "14:30-18:00"));
    /** Default summer hours, May 1 to September 30: 08:30–12:00 and 15:00–18:30. */
    public static final Season DEFAULT_SUMMER = new Season("summer", MonthDay.of(Month.MAY, 1), MonthDay.of(Month.SEPTEMBER, 30),
            OfficeHours.of("08:30-12:00", "15:00-18:30"));

    private static final CalendarRules DEFAULTS = new CalendarRules(DEFAULT_ZONE,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(DEFAULT_WINTER, DEFAULT_SUMMER));

    /** Validating constructor: the seasons must cover every day of a leap year exactly once. */
    public CalendarRules {
        InvalidValueException.requireNonNull(zone, "zone");
        InvalidValueException.requireNonNull(workingDays, "workingDays");
        InvalidValueException.requireNonNull(seasons, "seasons");
        if (workingDays.isEmpty()) {
            throw new InvalidValueException("workingDays", "at least one day of the week must be a working day");
        }
        workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
        seasons = List.copyOf(seasons);
        if (seasons.isEmpty()) {
            throw new InvalidValueException("seasons", "at least one season is needed");
        }
        for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() == 2024; d = d.plusDays(1)) {
            MonthDay md = MonthDay.from(d);
            Season found = null;
            for (Season s : seasons) {
                if (s.contains(md)) {
                    if (found != null) {
                        throw new InvalidValueException("seasons", md + " is in both " + found.name() + " and " + s.name());
                    }
                    found = s;
                }
            }
            if (found == null) {
                throw new InvalidValueException("seasons", md + " is in no season");
            }
        }
        boolean anyHours = false;
        for (Season s : seasons) {
            anyHours |= !s.weekdayHours().isEmpty();
        }
        if (!anyHours) {
            throw new InvalidValueException("seasons", "no season has office hours");
        }
    }

    /** @return Asia/Shanghai, Monday to Friday, the default winter and summer hours */
    public static CalendarRules defaults() {
        return DEFAULTS;
    }

    /**
     * @param day a day of the year
     * @return its season
     */
    public Season seasonOf(MonthDay day) {
        for (Season s : seasons) {
            if (s.contains(day)) {
                return s;
            }
        }
        throw new IllegalStateException("unreachable: seasons cover the year");
    }

    /**
     * @param date a date
     * @return its office hours by these rules alone: the season's weekday hours on a working day, else none
     */
    public OfficeHours regularHours(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) ? seasonOf(MonthDay.from(date)).weekdayHours() : OfficeHours.NONE;
    }

    /**
     * @param newZone another zone
     * @return these rules in that zone
     */
    public CalendarRules withZone(ZoneId newZone) {
        return new CalendarRules(newZone, workingDays, seasons);
    }

    /**
     * @param newSeasons other seasons
     * @return these rules with those seasons
     */
    public CalendarRules withSeasons(List<Season> newSeasons) {
        return new CalendarRules(zone, workingDays, newSeasons);
    }

    /**
     * @param days other working days of the week
     * @return these rules with those working days
     */
    public CalendarRules withWorkingDays(Set<DayOfWeek> days) {
        return new CalendarRules(zone, days, seasons);
    }
}
