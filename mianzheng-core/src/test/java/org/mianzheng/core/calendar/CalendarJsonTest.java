package org.mianzheng.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianzheng.api.CalendarException;
import org.mianzheng.api.CalendarException.Reason;
import org.mianzheng.api.MianzhengException;

class CalendarJsonTest {

    static String file(String days) {
        return "{\n  \"schemaVersion\": 1,\n  \"years\": [\n    {\n      \"year\": 2027,\n      \"days\": [\n" + days + "\n      ]\n    }\n  ]\n}\n";
    }

    static CalendarException refused(String json) {
        CalendarException e = catchThrowableOfType(CalendarException.class, () -> CalendarJson.parse(json));
        assertThat(e).as("expected a CalendarException").isNotNull().isInstanceOf(MianzhengException.class);
        return e;
    }

    @Test
    void bundled_years_hold_the_state_council_dates() {
        List<HolidayYear> years = CalendarJson.bundled();
        assertThat(years).extracting(HolidayYear::year).containsExactly(2025, 2026);
        assertThat(count(years.get(0), DayOverride.Kind.OFF)).isEqualTo(1 + 8 + 3 + 5 + 3 + 8);
        assertThat(count(years.get(1), DayOverride.Kind.OFF)).isEqualTo(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(dates(years.get(0), DayOverride.Kind.WORK)).containsExactly(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8),
                LocalDate.of(2025, 4, 27), LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
        assertThat(dates(years.get(1), DayOverride.Kind.WORK)).containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        for (HolidayYear y : years) {
            for (LocalDate d : dates(y, DayOverride.Kind.WORK)) {
                assertThat(d.getDayOfWeek()).as(d.toString()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
        }
        assertThat(dates(years.get(1), DayOverride.Kind.OFF)).contains(LocalDate.of(2026, 6, 19), LocalDate.of(2026, 9, 27))
                .doesNotContain(LocalDate.of(2026, 10, 8));
        assertThat(years.get(0).source()).contains("2025");
    }

    static long count(HolidayYear y, DayOverride.Kind k) {
        return y.days().stream().filter(d -> d.kind() == k).count();
    }

    static List<LocalDate> dates(HolidayYear y, DayOverride.Kind k) {
        return y.days().stream().filter(d -> d.kind() == k).map(DayOverride::date).toList();
    }

    @Test
    void a_valid_file_with_ranges_and_special_hours() {
        List<HolidayYear> ys = CalendarJson.parse(file("""
                {"from": "2027-02-06", "to": "2027-02-12", "kind": "OFF", "name": "春节"},
                {"date": "2027-02-14", "kind": "work"},
                {"date": "2027-12-31", "kind": "HOURS", "hours": ["14:30-16:00", "08:30-12:00"]}"""));
        HolidayYear y = ys.get(0);
        assertThat(y.days()).hasSize(9);
        assertThat(y.days().get(0)).isEqualTo(new DayOverride(LocalDate.of(2027, 2, 6), DayOverride.Kind.OFF, null, "春节"));
        assertThat(y.days().get(8).hours()).isEqualTo(OfficeHours.of("08:30-12:00", "14:30-16:00"));
        WorkingCalendar c = WorkingCalendar.china().withYears(ys);
        assertThat(c.coveredYears()).containsExactly(2025, 2026, 2027);
        assertThat(c.workingHours(LocalDate.of(2027, 12, 31))).isEqualTo(OfficeHours.of("08:30-12:00", "14:30-16:00"));
    }

    @Test
    void malformed_json_reports_the_line() {
        CalendarException e = refused("{\n  \"schemaVersion\": 1,\n  \"years\": [\n    {\"year\": 2027,,}\n");
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("$ (line 4): not valid JSON");
        assertThat(refused("").reason()).isEqualTo(Reason.MALFORMED_JSON);
        assertThat(refused("{\"schemaVersion\": 1, \"schemaVersion\": 1}").reason()).isEqualTo(Reason.MALFORMED_JSON);
        assertThat(refused("{} {}").reason()).isEqualTo(Reason.MALFORMED_JSON);
    }

    @Test
    void unknown_override_kind() {
        CalendarException e = refused(file("""
                        {"date": "2027-01-01", "kind": "OFF"},
                        {"date": "2027-01-02", "kind": "HOLIDAY"}"""));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(e.jsonPath()).isEqualTo("$.years[0].days[1].kind");
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.getMessage()).isEqualTo("$.years[0].days[1].kind (line 8): unknown kind \"HOLIDAY\"; expected OFF, WORK or HOURS");
    }

    @Test
    void invalid_dates() {
        CalendarException e = refused(file("{\"date\": \"2027-02-30\", \"kind\": \"OFF\"}"));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(e.jsonPath()).isEqualTo("$.years[0].days[0].date");
        assertThat(e.line()).isEqualTo(7);
        assertThat(refused(file("{\"date\": \"27-1-1\", \"kind\": \"OFF\"}")).jsonPath()).isEqualTo("$.years[0].days[0].date");
        CalendarException other = refused(file("{\"date\": \"2028-01-01\", \"kind\": \"OFF\"}"));
        assertThat(other.getMessage()).contains("2028-01-01 is not in 2027");
        CalendarException inverted = refused(file("{\"from\": \"2027-02-12\", \"to\": \"2027-02-06\", \"kind\": \"OFF\"}"));
        assertThat(inverted.jsonPath()).isEqualTo("$.years[0].days[0].to");
        assertThat(refused(file("{\"date\": 20270101, \"kind\": \"OFF\"}")).reason()).isEqualTo(Reason.SCHEMA);
        assertThat(refused(file("{\"date\": \"2027-01-01\", \"from\": \"2027-01-01\", \"to\": \"2027-01-02\", \"kind\": \"OFF\"}")).jsonPath())
                .isEqualTo("$.years[0].days[0]");
    }

    @Test
    void inverted_and_overlapping_slots() {
        CalendarException inv = refused(file("{\"date\": \"2027-01-04\", \"kind\": \"HOURS\", \"hours\": [\"08:30-12:00\", \"18:00-14:30\"]}"));
        assertThat(inv.reason()).isEqualTo(Reason.INVALID_SLOTS);
        assertThat(inv.jsonPath()).isEqualTo("$.years[0].days[0].hours[1]");
        assertThat(inv.getMessage()).contains("inverted slot 18:00-14:30");
        CalendarException ov = refused(file("""
                {"date": "2027-01-04", "kind": "HOURS",
                 "hours": ["08:30-12:00",
                           "11:00-13:00"]}"""));
        assertThat(ov.reason()).isEqualTo(Reason.INVALID_SLOTS);
        assertThat(ov.jsonPath()).isEqualTo("$.years[0].days[0].hours[1]");
        assertThat(ov.line()).isEqualTo(9);
        assertThat(ov.getMessage()).contains("overlaps hours[0] 08:30-12:00");
        assertThat(refused(file("{\"date\": \"2027-01-04\", \"kind\": \"HOURS\", \"hours\": [\"8h-12h\"]}")).reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(refused(file("{\"date\": \"2027-01-04\", \"kind\": \"HOURS\", \"hours\": []}")).reason()).isEqualTo(Reason.INVALID_SLOTS);
        assertThat(refused(file("{\"date\": \"2027-01-04\", \"kind\": \"HOURS\"}")).jsonPath()).isEqualTo("$.years[0].days[0].hours");
        assertThat(refused(file("{\"date\": \"2027-01-04\", \"kind\": \"OFF\", \"hours\": [\"08:30-12:00\"]}")).reason()).isEqualTo(Reason.SCHEMA);
    }

    @Test
    void schema_problems() {
        CalendarException unknown = refused(file("{\"date\": \"2027-01-01\", \"knd\": \"OFF\"}"));
        assertThat(unknown.reason()).isEqualTo(Reason.SCHEMA);
        assertThat(unknown.jsonPath()).isEqualTo("$.years[0].days[0].knd");
        assertThat(refused("{\"schemaVersion\": 1}").jsonPath()).isEqualTo("$.years");
        assertThat(refused("{\"schemaVersion\": 2, \"years\": []}").jsonPath()).isEqualTo("$.schemaVersion");
        assertThat(refused("{\"years\": []}").jsonPath()).isEqualTo("$.schemaVersion");
        assertThat(refused("{\"schemaVersion\": 1, \"years\": []}").jsonPath()).isEqualTo("$.years");
        assertThat(refused("[]").jsonPath()).isEqualTo("$");
        assertThat(refused("{\"schemaVersion\": 1, \"years\": [{\"year\": \"2027\", \"days\": []}]}").jsonPath()).isEqualTo("$.years[0].year");
        assertThat(refused("{\"schemaVersion\": 1, \"years\": [{\"year\": 1800, \"days\": []}]}").reason()).isEqualTo(Reason.INVALID_VALUE);
    }

    @Test
    void duplicates() {
        CalendarException d = refused(file("""
                {"from": "2027-10-01", "to": "2027-10-07", "kind": "OFF"},
                {"date": "2027-10-07", "kind": "WORK"}"""));
        assertThat(d.reason()).isEqualTo(Reason.DUPLICATE);
        assertThat(d.jsonPath()).isEqualTo("$.years[0].days[1]");
        assertThat(d.getMessage()).contains("2027-10-07 already given at $.years[0].days[0]");
        CalendarException y = refused("{\"schemaVersion\": 1, \"years\": [{\"year\": 2027, \"days\": []},\n{\"year\": 2027, \"days\": []}]}");
        assertThat(y.reason()).isEqualTo(Reason.DUPLICATE);
        assertThat(y.jsonPath()).isEqualTo("$.years[1].year");
        assertThat(y.line()).isEqualTo(2);
    }

    @Test
    void size_limit_and_files(@TempDir Path dir) throws Exception {
        byte[] big = new byte[CalendarJson.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        CalendarException e = catchThrowableOfType(CalendarException.class, () -> CalendarJson.parse(new ByteArrayInputStream(big)));
        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        Path f = dir.resolve("2027.json");
        Files.writeString(f, file("{\"date\": \"2027-01-01\", \"kind\": \"OFF\"}"), StandardCharsets.UTF_8);
        assertThat(CalendarJson.parse(f)).hasSize(1);
        CalendarException missing = catchThrowableOfType(CalendarException.class, () -> CalendarJson.parse(dir.resolve("none.json")));
        assertThat(missing.reason()).isEqualTo(Reason.MALFORMED_JSON);
    }
}
