package org.mianzheng.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Year;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class CivilDaysTest {
    @Property(tries = 2000)
    void agrees_with_java_time(@ForAll @LongRange(min = -365_000_000L, max = 365_000_000L) long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        assertThat(CivilDays.yearOf(epochDay)).isEqualTo(d.getYear());
        assertThat(CivilDays.jan1(d.getYear())).isEqualTo(d.withDayOfYear(1).toEpochDay());
        assertThat(CivilDays.isLeap(d.getYear())).isEqualTo(Year.isLeap(d.getYear()));
        assertThat(CivilDays.dayOfWeek(epochDay)).isEqualTo(d.getDayOfWeek().getValue() - 1);
    }
}
