package org.mianzheng.core.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mianzheng.api.InvalidValueException;

/**
 * The published holiday arrangement of one year (e.g. a State Council notice): its holidays, make-up working days
 * and special hours. Loading a year into a calendar marks the year as covered: deadlines in it are final, not
 * provisional.
 *
 * @param year   the year
 * @param source where the data comes from (e.g. the notice's title), or {@code null}
 * @param days   the overrides, all dated within {@code year}, at most one per date; sorted by date on construction
 */
public record HolidayYear(int year, String source, List<DayOverride> days) {
    /** Earliest year accepted. */
    public static final int MIN_YEAR = 1900;
    /** Latest year accepted. */
    public static final int MAX_YEAR = 9999;

    /** Validating constructor. */
    public HolidayYear {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidValueException("year", year + " is outside " + MIN_YEAR + ".." + MAX_YEAR);
        }
        source = source == null || source.isBlank() ? null : source.strip();
        InvalidValueException.requireNonNull(days, "days");
        Set<LocalDate> seen = new HashSet<>();
        List<DayOverride> sorted = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            DayOverride d = InvalidValueException.requireNonNull(days.get(i), "days[" + i + "]");
            if (d.date().getYear() != year) {
                throw new InvalidValueException("days[" + i + "]", d.date() + " is not in " + year);
            }
            if (!seen.add(d.date())) {
                throw new InvalidValueException("days[" + i + "]", d.date() + " is given twice");
            }
            sorted.add(d);
        }
        sorted.sort(Comparator.comparing(DayOverride::date));
        days = List.copyOf(sorted);
    }
}
