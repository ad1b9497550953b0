package org.mianzheng.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mianzheng.core.calendar.Cal.sh;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.CalendarException;
import org.mianzheng.api.InvalidValueException;

class WorkingCalendarTest {
    static final WorkingCalendar CN = WorkingCalendar.china();
    static final Duration M30 = Duration.ofMinutes(30);

    static Deadline due(String start, Duration d) {
        return CN.deadline(sh(start), d);
    }

    @Nested
    class SpringFestival2026 {
        @Test
        void friday_evening_request_falls_due_on_saturday_make_up_morning() {
            assertThat(LocalDate.of(2026, 2, 13).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(due("2026-02-13T17:50", M30)).isEqualTo(new Deadline(sh("2026-02-14T08:50"), false));
        }

        @Test
        void holiday_2026_02_15_to_23_is_off_and_make_up_days_work() {
            for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
                assertThat(CN.isWorkingDay(d)).as(d.toString()).isFalse();
            }
            assertThat(CN.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
            assertThat(CN.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
            assertThat(CN.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
            assertThat(CN.workingHours(LocalDate.of(2026, 2, 14))).isEqualTo(OfficeHours.of("08:30-12:00", "14:30-18:00"));
        }

        @Test
        void saturday_make_up_evening_waits_for_the_whole_festival() {
            assertThat(due("2026-02-14T17:50", M30).at()).isEqualTo(sh("2026-02-24T08:50"));
            assertThat(CN.between(sh("2026-02-13T17:50"), sh("2026-02-24T08:50"))).isEqualTo(Duration.ofMinutes(10 + 7 * 60 + 20));
        }
    }

    @Nested
    class NationalDay2025 {
        @Test
        void october_1_to_8_are_off() {
            for (LocalDate d = LocalDate.of(2025, 10, 1); !d.isAfter(LocalDate.of(2025, 10, 8)); d = d.plusDays(1)) {
                assertThat(CN.isWorkingDay(d)).as(d.toString()).isFalse();
            }
        }

        @Test
        void sunday_september_28_works_with_summer_hours() {
            assertThat(LocalDate.of(2025, 9, 28).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(due("2025-09-27T10:00", M30).at()).isEqualTo(sh("2025-09-28T09:00"));
            assertThat(CN.workingHours(LocalDate.of(2025, 9, 28))).isEqualTo(CalendarRules.DEFAULT_SUMMER.weekdayHours());
        }

        @Test
        void saturday_october_11_works_with_winter_hours() {
            assertThat(LocalDate.of(2025, 10, 11).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(due("2025-10-10T17:50", M30).at()).isEqualTo(sh("2025-10-11T08:50"));
        }

        @Test
        void summer_evening_before_the_holiday_carries_over_into_winter_hours() {
            // 17:50-18:30 on 09-30 (summer) = 40 min; the rest on Thursday 10-09 (winter) from 08:30.
            assertThat(due("2025-09-30T17:50", Duration.ofMinutes(60)).at()).isEqualTo(sh("2025-10-09T08:50"));
            assertThat(due("2025-09-30T17:50", M30).at()).isEqualTo(sh("2025-09-30T18:20"));
        }
    }

    @Nested
    class WithinADay {
        @Test
        void start_in_the_lunch_break_counts_from_the_afternoon_opening() {
            assertThat(due("2025-03-03T12:30", M30).at()).isEqualTo(sh("2025-03-03T15:00")); // winter: 14:30
            assertThat(due("2025-06-03T12:30", M30).at()).isEqualTo(sh("2025-06-03T15:30")); // summer: 15:00
            assertThat(due("2025-03-03T11:50", M30).at()).isEqualTo(sh("2025-03-03T14:50"));
        }

        @Test
        void start_before_office_hours_counts_from_the_opening() {
            assertThat(due("2025-03-03T07:00", M30).at()).isEqualTo(sh("2025-03-03T09:00"));
        }

        @Test
        void a_goal_ending_at_a_closing_falls_due_at_the_closing() {
            assertThat(due("2025-03-03T11:30", M30).at()).isEqualTo(sh("2025-03-03T12:00"));
            assertThat(due("2025-03-03T17:30", M30).at()).isEqualTo(sh("2025-03-03T18:00"));
        }

        @Test
        void zero_duration_falls_due_at_the_start() {
            assertThat(due("2025-03-03T20:00", Duration.ZERO)).isEqualTo(new Deadline(sh("2025-03-03T20:00"), false));
            assertThat(CN.add(sh("2025-03-03T10:00"), Duration.ZERO)).isEqualTo(sh("2025-03-03T10:00"));
            assertThat(CN.between(sh("2025-03-03T10:00"), sh("2025-03-03T10:00"))).isZero();
        }

        @Test
        void weekend_night_and_fractions_of_seconds() {
            assertThat(due("2025-03-07T17:59", Duration.ofMinutes(2)).at()).isEqualTo(sh("2025-03-10T08:31"));
            Instant half = sh("2025-03-03T10:00").plusMillis(500);
            assertThat(CN.add(half, Duration.ofMillis(1250))).isEqualTo(sh("2025-03-03T10:00:01").plusMillis(750));
            Instant night = sh("2025-03-03T20:00").plusMillis(700);
            assertThat(CN.add(night, Duration.ofSeconds(1))).isEqualTo(sh("2025-03-04T08:30:01"));
            assertThat(CN.between(night, sh("2025-03-04T08:30:01"))).isEqualTo(Duration.ofSeconds(1));
        }

        @Test
        void between_is_antisymmetric() {
            Instant a = sh("2025-03-03T09:00");
            Instant b = sh("2025-03-04T09:00");
            assertThat(CN.between(a, b)).isEqualTo(Duration.ofHours(7));
            assertThat(CN.between(b, a)).isEqualTo(Duration.ofHours(-7));
        }

        @Test
        void negative_duration_is_refused() {
            assertThatThrownBy(() -> CN.add(sh("2025-03-03T09:00"), Duration.ofSeconds(-1))).isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    class Seasons {
        @Test
        void switch_over_on_may_1_and_october_1() {
            assertThat(CN.rules().seasonOf(MonthDay.of(4, 30)).name()).isEqualTo("winter");
            assertThat(CN.rules().seasonOf(MonthDay.of(5, 1)).name()).isEqualTo("summer");
            assertThat(CN.rules().seasonOf(MonthDay.of(9, 30)).name()).isEqualTo("summer");
            assertThat(CN.rules().seasonOf(MonthDay.of(10, 1)).name()).isEqualTo("winter");
            assertThat(CN.rules().seasonOf(MonthDay.of(2, 29)).name()).isEqualTo("winter");
            assertThat(CN.isWorkingTime(sh("2025-04-30T14:40"))).isTrue();
            assertThat(CN.isWorkingTime(sh("2025-04-30T18:20"))).isFalse();
            assertThat(CN.isWorkingTime(sh("2025-05-06T14:40"))).isFalse();
            assertThat(CN.isWorkingTime(sh("2025-05-06T18:20"))).isTrue();
            assertThat(CN.isWorkingTime(sh("2025-09-30T18:20"))).isTrue();
            assertThat(CN.isWorkingTime(sh("2025-10-09T18:20"))).isFalse();
            assertThat(CN.isWorkingTime(sh("2025-10-09T14:40"))).isTrue();
        }

        @Test
        void switch_over_in_provisional_territory_too() {
            // Friday 2027-04-30 is winter (closes 18:00), Monday 2027-05-03 summer; 2027 is not loaded.
            assertThat(due("2027-04-30T17:50", M30)).isEqualTo(new Deadline(sh("2027-05-03T08:50"), true));
            assertThat(due("2027-05-03T12:00", M30).at()).isEqualTo(sh("2027-05-03T15:30"));
            assertThat(due("2027-10-01T12:00", M30).at()).isEqualTo(sh("2027-10-01T15:00"));
        }

        @Test
        void custom_seasons_and_their_validation() {
            Season all = new Season("all", MonthDay.of(1, 1), MonthDay.of(12, 31), OfficeHours.of("09:00-17:00"));
            WorkingCalendar flat = WorkingCalendar.of(CalendarRules.defaults().withSeasons(List.of(all)));
            assertThat(flat.add(sh("2025-07-01T16:30"), Duration.ofHours(1))).isEqualTo(sh("2025-07-02T09:30"));
            Season spring = new Season("spring", MonthDay.of(3, 1), MonthDay.of(5, 31), OfficeHours.of("09:00-17:00"));
            Season rest = new Season("rest", MonthDay.of(6, 1), MonthDay.of(2, 28), OfficeHours.of("09:00-17:00"));
            assertThatThrownBy(() -> CalendarRules.defaults().withSeasons(List.of(spring, rest)))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("--02-29 is in no season");
            assertThatThrownBy(() -> CalendarRules.defaults().withSeasons(List.of(all, spring)))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("is in both");
            assertThatThrownBy(() -> OfficeHours.of("08:30-12:00", "11:00-14:00")).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("overlap");
            assertThatThrownBy(() -> OfficeHours.of("18:00-14:30")).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("inverted");
        }
    }

    @Nested
    class Provisional {
        @Test
        void covered_years_are_the_bundled_ones() {
            assertThat(CN.coveredYears()).containsExactly(2025, 2026);
            assertThat(CN.covers(2027)).isFalse();
        }

        @Test
        void huge_duration_crossing_into_an_unloaded_year_is_flagged() {
            Instant start = sh("2026-12-30T10:00");
            Deadline d = CN.deadline(start, Duration.ofHours(100));
            assertThat(d.provisional()).isTrue();
            assertThat(d.at()).isAfter(sh("2027-01-01T00:00"));
            assertThat(CN.between(start, d.at())).isEqualTo(Duration.ofHours(100));
            assertThat(d.at()).isEqualTo(Cal.naiveAdd(CN, start, Duration.ofHours(100)));
        }

        @Test
        void durations_spanning_many_years() {
            Instant start = sh("2025-01-02T09:00");
            Deadline within = CN.deadline(start, Duration.ofHours(1000));
            assertThat(within.provisional()).isFalse();
            assertThat(within.at()).isEqualTo(Cal.naiveAdd(CN, start, Duration.ofHours(1000)));
            Deadline far = CN.deadline(start, Duration.ofHours(10_000));
            assertThat(far.provisional()).isTrue();
            assertThat(far.at().atZone(Cal.SHANGHAI).getYear()).isBetween(2030, 2031);
            assertThat(CN.between(start, far.at())).isEqualTo(Duration.ofHours(10_000));
            assertThat(far.at()).isEqualTo(Cal.naiveAdd(CN, start, Duration.ofHours(10_000)));
            Deadline veryFar = CN.deadline(start, Duration.ofHours(20_000_000));
            assertThat(veryFar.provisional()).isTrue();
            assertThat(CN.between(start, veryFar.at())).isEqualTo(Duration.ofHours(20_000_000));
        }

        @Test
        void start_before_the_loaded_years_is_provisional() {
            assertThat(due("2024-12-31T17:00", M30)).isEqualTo(new Deadline(sh("2024-12-31T17:30"), true));
            assertThat(due("2024-12-31T17:50", M30)).isEqualTo(new Deadline(sh("2025-01-02T08:50"), true));
            assertThat(due("1990-06-01T09:00", M30).provisional()).isTrue();
        }

        @Test
        void a_calendar_without_data_counts_plain_weekdays() {
            WorkingCalendar bare = WorkingCalendar.of(CalendarRules.defaults());
            assertThat(bare.coveredYears()).isEmpty();
            // 2026-02-13 17:50: no make-up Saturday without data: Monday morning.
            assertThat(bare.deadline(sh("2026-02-13T17:50"), M30)).isEqualTo(new Deadline(sh("2026-02-16T08:50"), true));
        }

        @Test
        void gap_years_are_provisional() {
            HolidayYear y2028 = new HolidayYear(2028, null, List.of(DayOverride.off(LocalDate.of(2028, 1, 3))));
            WorkingCalendar gap = CN.withYears(List.of(y2028));
            assertThat(gap.coveredYears()).containsExactly(2025, 2026, 2028);
            assertThat(gap.isProvisional(sh("2026-06-01T09:00"), sh("2026-06-02T09:00"))).isFalse();
            assertThat(gap.isProvisional(sh("2026-12-31T17:50"), sh("2028-01-04T09:00"))).isTrue();
            assertThat(gap.isProvisional(sh("2028-01-31T17:50"), sh("2028-02-01T09:00"))).isFalse();
            assertThat(gap.add(sh("2027-12-31T17:50"), M30)).isEqualTo(sh("2028-01-04T08:50"));
        }

        @Test
        void out_of_instant_range_is_a_typed_exception() {
            assertThatThrownBy(() -> CN.add(sh("2025-01-02T09:00"), Duration.ofSeconds(Long.MAX_VALUE)))
                    .isInstanceOf(CalendarException.class)
                    .satisfies(e -> assertThat(((CalendarException) e).reason()).isEqualTo(CalendarException.Reason.OUT_OF_RANGE));
        }
    }

    @Nested
    class Overrides {
        @Test
        void special_hours_and_department_overrides() {
            LocalDate eve = LocalDate.of(2025, 12, 31);
            WorkingCalendar c = CN.withOverrides(List.of(DayOverride.hours(eve, OfficeHours.of("08:30-12:00")),
                    DayOverride.off(LocalDate.of(2026, 2, 14))));
            // 10 minutes left on the eve, 01-01..03 off, Sunday 01-04 a make-up working day
            assertThat(c.add(sh("2025-12-31T11:50"), M30)).isEqualTo(sh("2026-01-04T08:50"));
            // department does not work the make-up Saturday
            assertThat(c.add(sh("2026-02-13T17:50"), M30)).isEqualTo(sh("2026-02-24T08:50"));
            assertThat(c.coveredYears()).containsExactly(2025, 2026);
            assertThat(c.differingDates(CN, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                    .containsExactly(eve, LocalDate.of(2026, 2, 14));
            assertThat(CN.workingHours(eve)).isEqualTo(CalendarRules.DEFAULT_WINTER.weekdayHours());
        }

        @Test
        void overrides_outside_the_loaded_years_extend_the_compiled_range_without_covering() {
            WorkingCalendar c = CN.withOverrides(List.of(DayOverride.off(LocalDate.of(2027, 3, 1))));
            assertThat(c.covers(2027)).isFalse();
            assertThat(c.deadline(sh("2027-02-26T17:50"), M30)).isEqualTo(new Deadline(sh("2027-03-02T08:50"), true));
            Instant s = sh("2026-12-31T10:00");
            assertThat(c.add(s, Duration.ofHours(400))).isEqualTo(Cal.naiveAdd(c, s, Duration.ofHours(400)));
        }

        @Test
        void override_values_are_validated() {
            assertThatThrownBy(() -> new DayOverride(LocalDate.of(2025, 1, 1), DayOverride.Kind.OFF, OfficeHours.of("09:00-10:00"), null))
                    .isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> new DayOverride(LocalDate.of(2025, 1, 1), DayOverride.Kind.HOURS, null, null))
                    .isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> new HolidayYear(2025, null, List.of(DayOverride.off(LocalDate.of(2026, 1, 1)))))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("not in 2025");
            assertThatThrownBy(() -> CN.withOverrides(List.of(DayOverride.off(LocalDate.of(2025, 1, 2)), DayOverride.work(LocalDate.of(2025, 1, 2)))))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("twice");
            assertThatThrownBy(() -> CN.withOverrides(List.of(DayOverride.off(LocalDate.of(2400, 1, 3)))))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("at most 200");
        }
    }

    @Nested
    class Zones {
        @Test
        void zone_is_explicit_and_daylight_saving_is_handled() {
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            Season all = new Season("all", MonthDay.of(1, 1), MonthDay.of(12, 31), OfficeHours.of("09:00-12:00", "13:00-17:00"));
            CalendarRules rules = new CalendarRules(berlin, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(all));
            HolidayYear y = new HolidayYear(2025, null, List.of(DayOverride.off(LocalDate.of(2025, 4, 18))));
            for (WorkingCalendar c : List.of(WorkingCalendar.of(rules), WorkingCalendar.of(rules, List.of(y)))) {
                Instant fri = Cal.in(berlin, "2025-03-28T16:00");
                assertThat(c.add(fri, Duration.ofHours(2))).isEqualTo(Cal.in(berlin, "2025-03-31T10:00"));
                assertThat(c.between(fri, Cal.in(berlin, "2025-03-31T10:00"))).isEqualTo(Duration.ofHours(2));
                Instant oct = Cal.in(berlin, "2025-10-24T16:00");
                assertThat(c.add(oct, Duration.ofHours(2))).isEqualTo(Cal.in(berlin, "2025-10-27T10:00"));
                assertThat(c.between(oct, Cal.in(berlin, "2025-10-27T10:00"))).isEqualTo(Duration.ofHours(2));
            }
            WorkingCalendar shanghai = WorkingCalendar.of(rules.withZone(Cal.SHANGHAI));
            assertThat(shanghai.add(Cal.in(berlin, "2025-03-28T16:00"), Duration.ZERO)).isEqualTo(Cal.in(berlin, "2025-03-28T16:00"));
            assertThat(shanghai.isWorkingTime(Cal.in(berlin, "2025-03-28T16:00"))).isFalse(); // 23:00 in Shanghai
        }
    }

    @Test
    void calendars_are_values_and_changes_return_new_ones() {
        WorkingCalendar a = WorkingCalendar.china();
        WorkingCalendar b = a.withOverrides(List.of(DayOverride.off(LocalDate.of(2025, 3, 3))));
        assertThat(a).isEqualTo(CN).isNotEqualTo(b);
        assertThat(a.overrides()).isEmpty();
        assertThat(b.overrides()).hasSize(1);
        assertThat(a.withRules(CalendarRules.defaults())).isEqualTo(a);
        assertThat(a.toString()).contains("Asia/Shanghai", "2025", "2026");
    }
}
