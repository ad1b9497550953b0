package org.mianzheng.core;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the windows are open: used to flag retrievals outside office hours and to let consents expire at the end of
 * the working day. {@link #following} (the default: the engine's calendars, with the bundled national holidays, as
 * they stand at each call) and {@link #of(org.mianzheng.core.calendar.WorkingCalendar)} (one fixed calendar) follow the
 * working calendar; {@link #weekdays} is a plain alternative.
 */
public interface OpeningHours {

    /**
     * @param at an instant
     * @return whether it is within office hours
     */
    boolean isWorkingTime(Instant at);

    /**
     * @param at an instant
     * @return the end of the working day that {@code at} falls in (or, outside office hours, of that calendar day)
     */
    Instant endOfWorkingDay(Instant at);

    /**
     * @param calendar a working calendar
     * @return its office hours; the working day ends with its last slot
     */
    static OpeningHours of(org.mianzheng.core.calendar.WorkingCalendar calendar) {
        return new OpeningHours() {
            @Override
            public boolean isWorkingTime(Instant at) {
                return calendar.isWorkingTime(at);
            }

            @Override
            public Instant endOfWorkingDay(Instant at) {
                ZonedDateTime t = at.atZone(calendar.zone());
                java.util.List<org.mianzheng.core.calendar.TimeSlot> slots = calendar.workingHours(t.toLocalDate()).slots();
                if (!slots.isEmpty()) {
                    ZonedDateTime end = t.toLocalDate().atTime(slots.get(slots.size() - 1).end()).atZone(calendar.zone());
                    if (end.isAfter(t)) {
                        return end.toInstant();
                    }
                }
                return t.toLocalDate().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
            }
        };
    }

    /**
     * Office hours that follow a calendar registry: each question is answered by the default calendar the registry
     * holds at that moment, so calendar updates and holiday years loaded at run time apply at once. The engine's
     * default.
     *
     * @param calendars the engine's calendars
     * @return their default calendar's office hours, as it stands at each call
     */
    static OpeningHours following(org.mianzheng.core.calendar.CalendarRegistry calendars) {
        return new OpeningHours() {
            @Override
            public boolean isWorkingTime(Instant at) {
                return calendars.snapshot().defaultCalendar().isWorkingTime(at);
            }

            @Override
            public Instant endOfWorkingDay(Instant at) {
                return of(calendars.snapshot().defaultCalendar()).endOfWorkingDay(at);
            }
        };
    }

    /**
     * @param zone  time zone
     * @param open  opening time
     * @param close closing time
     * @return Monday to Friday, {@code open}–{@code close}, no holidays
     */
    static OpeningHours weekdays(ZoneId zone, LocalTime open, LocalTime close) {
        return new OpeningHours() {
            @Override
            public boolean isWorkingTime(Instant at) {
                ZonedDateTime t = at.atZone(zone);
                DayOfWeek d = t.getDayOfWeek();
                LocalTime lt = t.toLocalTime();
                return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !lt.isBefore(open) && lt.isBefore(close);
            }

            @Override
            public Instant endOfWorkingDay(Instant at) {
                ZonedDateTime t = at.atZone(zone);
                ZonedDateTime end = t.toLocalDate().atTime(close).atZone(zone);
                return end.isAfter(t) ? end.toInstant() : t.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            }
        };
    }
}
