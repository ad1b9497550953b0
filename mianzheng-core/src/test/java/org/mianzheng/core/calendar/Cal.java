package org.mianzheng.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Test helpers: local times in Asia/Shanghai, and a naive day-walking oracle built on {@code workingHours}. */
final class Cal {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Cal() {
    }

    /** @return the instant of {@code yyyy-MM-ddTHH:mm[:ss]} in Asia/Shanghai */
    static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static Instant in(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, SHANGHAI);
    }

    /** Walks day by day over {@link WorkingCalendar#workingHours}: slow but obviously right. */
    static Instant naiveAdd(WorkingCalendar cal, Instant start, Duration d) {
        if (d.isZero()) {
            return start;
        }
        ZoneId z = cal.zone();
        Duration remaining = d;
        for (LocalDate day = start.atZone(z).toLocalDate().minusDays(1); ; day = day.plusDays(1)) {
            for (TimeSlot slot : cal.workingHours(day).slots()) {
                Instant s = ZonedDateTime.of(day, slot.start(), z).toInstant();
                Instant e = ZonedDateTime.of(day, slot.end(), z).toInstant();
                Instant from = s.isBefore(start) ? start : s;
                if (!from.isBefore(e)) {
                    continue;
                }
                Duration avail = Duration.between(from, e);
                if (remaining.compareTo(avail) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(avail);
            }
        }
    }

    /** Sums the office hours in [a, b) day by day. */
    static Duration naiveBetween(WorkingCalendar cal, Instant a, Instant b) {
        ZoneId z = cal.zone();
        Duration sum = Duration.ZERO;
        LocalDate last = b.atZone(z).toLocalDate().plusDays(1);
        for (LocalDate day = a.atZone(z).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (TimeSlot slot : cal.workingHours(day).slots()) {
                Instant s = ZonedDateTime.of(day, slot.start(), z).toInstant();
                Instant e = ZonedDateTime.of(day, slot.end(), z).toInstant();
                Instant from = s.isBefore(a) ? a : s;
                Instant to = e.isAfter(b) ? b : e;
                if (from.isBefore(to)) {
                    sum = sum.plus(Duration.between(from, to));
                }
            }
        }
        return sum;
    }
}
