package org.mianzheng.core;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the windows are open: used to flag retrievals outside office hours and to let consents expire at the end of
 * the working day. The working calendar provides a full implementation; {@link #weekdays} is the simple default.
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
