package org.mianzheng.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the compiled and provisional arithmetic, over 2025–2027 (2027 is provisional). */
class WorkingCalendarPropertiesTest {
    static final WorkingCalendar CN = WorkingCalendar.china()
            .withOverrides(List.of(DayOverride.hours(LocalDate.of(2025, 12, 31), OfficeHours.of("08:30-11:00", "11:15-12:00"))));
    static final long FROM = Cal.sh("2025-01-01T00:00").getEpochSecond();
    static final long TO = Cal.sh("2028-01-01T00:00").getEpochSecond();

    @Provide
    Arbitrary<Instant> starts() {
        Arbitrary<Long> secs = Arbitraries.longs().between(FROM, TO);
        Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 999_999_999)));
        Arbitrary<Instant> any = Combinators.combine(secs, nanos).as(Instant::ofEpochSecond);
        // boundaries: exactly at openings, closings and midnights
        Arbitrary<Instant> edges = Combinators.combine(Arbitraries.longs().between(0, (TO - FROM) / 86_400),
                Arbitraries.of(0, 8 * 3600 + 1800, 12 * 3600, 14 * 3600 + 1800, 15 * 3600, 18 * 3600, 18 * 3600 + 1800))
                .as((d, s) -> Instant.ofEpochSecond(FROM + d * 86_400 + s));
        return Arbitraries.oneOf(any, edges);
    }

    @Provide
    Arbitrary<Duration> durations() {
        Arbitrary<Duration> small = Arbitraries.longs().between(0, 8 * 3600).map(Duration::ofSeconds);
        Arbitrary<Duration> days = Arbitraries.longs().between(0, 400 * 3600).map(Duration::ofSeconds);
        Arbitrary<Duration> years = Arbitraries.longs().between(0, 30_000L * 3600).map(Duration::ofSeconds);
        Arbitrary<Duration> nanos = Arbitraries.longs().between(0, 3_600_000_000_000L).map(Duration::ofNanos);
        Arbitrary<Duration> common = Arbitraries.of(Duration.ZERO, Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(7), Duration.ofMinutes(210));
        return Arbitraries.oneOf(small, days, years, nanos, common);
    }

    @Property(tries = 3000)
    void between_inverts_add(@ForAll("starts") Instant start, @ForAll("durations") Duration d) {
        Instant at = CN.add(start, d);
        assertThat(at).isAfterOrEqualTo(start);
        assertThat(CN.between(start, at)).isEqualTo(d);
    }

    @Property(tries = 1500)
    void add_is_monotonic_in_start(@ForAll("starts") Instant a, @ForAll("starts") Instant b, @ForAll("durations") Duration d) {
        Instant lo = a.isBefore(b) ? a : b;
        Instant hi = a.isBefore(b) ? b : a;
        assertThat(CN.add(lo, d)).isBeforeOrEqualTo(CN.add(hi, d));
    }

    @Property(tries = 1500)
    void add_is_monotonic_in_duration(@ForAll("starts") Instant s, @ForAll("durations") Duration a, @ForAll("durations") Duration b) {
        Duration lo = a.compareTo(b) <= 0 ? a : b;
        Duration hi = a.compareTo(b) <= 0 ? b : a;
        assertThat(CN.add(s, lo)).isBeforeOrEqualTo(CN.add(s, hi));
    }

    @Property(tries = 400)
    void add_and_between_agree_with_a_day_by_day_walk(@ForAll("starts") Instant start, @ForAll("durations") Duration d,
            @ForAll("starts") Instant other) {
        Duration capped = d.compareTo(Duration.ofHours(2000)) > 0 ? Duration.ofHours(2000) : d;
        assertThat(CN.add(start, capped)).isEqualTo(Cal.naiveAdd(CN, start, capped));
        Instant lo = start.isBefore(other) ? start : other;
        Instant hi = start.isBefore(other) ? other : start;
        assertThat(CN.between(lo, hi)).isEqualTo(Cal.naiveBetween(CN, lo, hi));
    }

    @Property(tries = 300)
    void provisional_flag_follows_the_covered_years(@ForAll("starts") Instant start, @ForAll("durations") Duration d) {
        Deadline dl = CN.deadline(start, d);
        ZoneId z = CN.zone();
        boolean uncovered = dl.at().atZone(z).getYear() > 2026;
        assertThat(dl.provisional()).isEqualTo(uncovered);
    }

    @Property(tries = 300)
    void working_time_is_where_the_day_has_office_hours(@ForAll("starts") Instant t) {
        assertThat(CN.isWorkingTime(t)).isEqualTo(expectedWorking(t));
    }

    private static boolean expectedWorking(Instant t) {
        var local = t.atZone(CN.zone());
        return CN.workingHours(local.toLocalDate()).slots().stream()
                .anyMatch(s -> !local.toLocalTime().isBefore(s.start()) && local.toLocalTime().isBefore(s.end()));
    }

    /** Questions in a row about nearby moments, as a busy engine asks them: forwards and back, through openings, closings, days off. */
    @Property(tries = 100)
    void working_time_asked_moment_after_moment(@ForAll("starts") Instant start, @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 900) int stepSeconds,
                                                @ForAll boolean backwards) {
        Instant t = start;
        for (int i = 0; i < 400; i++) {
            assertThat(CN.isWorkingTime(t)).as("%s", t).isEqualTo(expectedWorking(t));
            t = backwards ? t.minusSeconds(stepSeconds) : t.plusSeconds(stepSeconds);
        }
    }
}
