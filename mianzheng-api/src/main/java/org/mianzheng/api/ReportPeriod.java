package org.mianzheng.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A reporting period {@code [from, to)} and the time zone its dates are shown in. A report of a period that has ended
 * is reproducible: it only reads events recorded before {@code to}.
 *
 * @param from inclusive
 * @param to   exclusive, after {@code from}
 * @param zone the zone for local dates in exports (the city's, {@code Asia/Shanghai}, by default)
 */
public record ReportPeriod(Instant from, Instant to, ZoneId zone) {
    /** Validating constructor. */
    public ReportPeriod {
        InvalidValueException.requireNonNull(from, "period.from");
        InvalidValueException.requireNonNull(to, "period.to");
        InvalidValueException.requireNonNull(zone, "period.zone");
        if (!to.isAfter(from)) {
            throw new InvalidValueException("period.to", "must be after period.from");
        }
    }

    /**
     * @param month a calendar month
     * @param zone  the zone whose midnights bound it
     * @return the month, from its first day 00:00 to the next month's first day 00:00
     */
    public static ReportPeriod month(YearMonth month, ZoneId zone) {
        InvalidValueException.requireNonNull(month, "month");
        return days(month.atDay(1), month.atEndOfMonth(), zone);
    }

    /**
     * @param first the first day
     * @param last  the last day, inclusive
     * @param zone  the zone whose midnights bound the days
     * @return the days {@code first..last}
     */
    public static ReportPeriod days(LocalDate first, LocalDate last, ZoneId zone) {
        InvalidValueException.requireNonNull(first, "first");
        InvalidValueException.requireNonNull(last, "last");
        InvalidValueException.requireNonNull(zone, "zone");
        return new ReportPeriod(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(), zone);
    }

    /**
     * @param at an instant
     * @return whether it falls in the period
     */
    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
