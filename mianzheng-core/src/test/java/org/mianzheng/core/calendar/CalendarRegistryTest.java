package org.mianzheng.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mianzheng.core.calendar.Cal.sh;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.CalendarException;
import org.mianzheng.api.InvalidIdentifierException;

class CalendarRegistryTest {
    static final Duration M30 = Duration.ofMinutes(30);
    static final String Y2027 = """
            {"schemaVersion": 1, "years": [{"year": 2027, "source": "test",
              "days": [{"from": "2027-02-05", "to": "2027-02-11", "kind": "OFF", "name": "春节"},
                       {"date": "2027-02-13", "kind": "WORK"}]}]}""";

    /** A department with 09:00-17:00 all year, no lunch break, that does not work the 2026-02-14 make-up day. */
    static WorkingCalendar security() {
        Season all = new Season("all", MonthDay.of(1, 1), MonthDay.of(12, 31), OfficeHours.of("09:00-17:00"));
        return WorkingCalendar.china().withRules(CalendarRules.defaults().withSeasons(List.of(all)))
                .withOverrides(List.of(DayOverride.off(LocalDate.of(2026, 2, 14))));
    }

    @Test
    void per_department_calendars_with_a_default() {
        CalendarRegistry reg = new CalendarRegistry(WorkingCalendar.china());
        reg.put("GA-01", security());
        assertThat(reg.calendarFor("GA-01").add(sh("2026-02-13T16:50"), M30)).isEqualTo(sh("2026-02-24T09:20"));
        assertThat(reg.calendarFor("GA-01").add(sh("2026-02-24T12:00"), M30)).isEqualTo(sh("2026-02-24T12:30"));
        assertThat(reg.calendarFor("SC-02").add(sh("2026-02-13T17:50"), M30)).isEqualTo(sh("2026-02-14T08:50"));
        assertThat(reg.calendarFor(null)).isSameAs(reg.snapshot().defaultCalendar());
        assertThat(reg.snapshot().without("GA-01").calendarFor("GA-01")).isSameAs(reg.snapshot().defaultCalendar());
        assertThatThrownBy(() -> reg.put("bad code!", security())).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void loading_a_year_swaps_every_calendar_and_clears_provisional() {
        CalendarRegistry reg = new CalendarRegistry(WorkingCalendar.china());
        reg.put("GA-01", security());
        CalendarRegistry.Snapshot before = reg.snapshot();
        assertThat(before.notCovering(2027)).containsExactly("*", "GA-01");
        Instant start = sh("2027-02-04T17:50");

        CalendarRegistry.Snapshot candidate = before.withYears(CalendarJson.parse(Y2027));   // dry run
        DeadlineChange ch = before.compare(candidate, "SC-02", start, M30);
        assertThat(ch.before()).isEqualTo(new Deadline(sh("2027-02-05T08:50"), true));
        assertThat(ch.after()).isEqualTo(new Deadline(sh("2027-02-12T08:50"), false));  // 02-05..11 off
        assertThat(ch.changed()).isTrue();
        assertThat(ch.moved()).isTrue();
        assertThat(before.compare(candidate, "SC-02", sh("2026-03-02T10:00"), M30).changed()).isFalse();
        assertThat(before.calendarFor("SC-02").differingDates(candidate.calendarFor("SC-02"), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)))
                .hasSize(6);   // five weekdays off, one Saturday at work
        assertThat(reg.snapshot()).isSameAs(before);   // nothing installed yet

        assertThat(reg.compareAndSet(before, candidate)).isTrue();
        assertThat(reg.snapshot().notCovering(2027)).isEmpty();
        assertThat(reg.calendarFor("GA-01").covers(2027)).isTrue();
        assertThat(reg.calendarFor("GA-01").overrides()).hasSize(1);
        assertThat(reg.compareAndSet(before, before)).isFalse();   // stale
    }

    @Test
    void a_bad_file_never_replaces_a_good_calendar() {
        CalendarRegistry reg = new CalendarRegistry(WorkingCalendar.china());
        CalendarRegistry.Snapshot good = reg.snapshot();
        assertThatThrownBy(() -> reg.update(s -> s.withYears(CalendarJson.parse(Y2027.replace("\"WORK\"", "\"WROK\"")))))
                .isInstanceOf(CalendarException.class).hasMessageContaining("$.years[0].days[1].kind");
        assertThat(reg.snapshot()).isSameAs(good);
        reg.loadYears(CalendarJson.parse(Y2027));
        assertThat(reg.snapshot()).isNotSameAs(good);
        assertThat(reg.calendarFor("X").coveredYears()).containsExactly(2025, 2026, 2027);
    }

    @Test
    void readers_see_either_the_old_or_the_new_calendars() throws Exception {
        CalendarRegistry reg = new CalendarRegistry(WorkingCalendar.china());
        Instant start = sh("2027-02-04T17:50");
        Instant old = sh("2027-02-05T08:50");
        Instant neu = sh("2027-02-12T08:50");
        List<HolidayYear> y2027 = CalendarJson.parse(Y2027);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Instant> odd = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                Instant at = reg.calendarFor("SC-02").add(start, M30);
                if (!at.equals(old) && !at.equals(neu)) {
                    odd.set(at);
                }
            }
        });
        reader.start();
        for (int i = 0; i < 200; i++) {
            reg.update(s -> s.withDefault(WorkingCalendar.china()));
            reg.loadYears(y2027);
        }
        stop.set(true);
        reader.join();
        assertThat(odd.get()).isNull();
    }
}
