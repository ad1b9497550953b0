package org.mianzheng.core.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mianzheng.api.CalendarException;
import org.mianzheng.api.InvalidValueException;

/**
 * The working calendar of one department: counts and adds working time (office hours) in an explicit time zone.
 *
 * <p>A date's office hours are, in order of precedence: the calendar's own {@linkplain #overrides() override} for
 * the date (department-specific), the override of a {@linkplain #years() loaded year} (national holidays,
 * make-up working days 调休), else the {@linkplain CalendarRules regular week} (the season's weekday hours on a
 * working day of the week). {@link DayOverride.Kind#WORK} uses the season's weekday hours.
 *
 * <p>Arithmetic: the working intervals of the compiled range (January 1 of the first year with data to December 31
 * of the last) are compiled into sorted arrays with prefix sums of working seconds; {@link #add} and
 * {@link #between} binary-search them, O(log n), allocating only their result. Outside the compiled range the
 * regular week alone is used (year-type tables and the 400-year cycle, also O(log n)); results that depend on a day
 * in a year whose data is not loaded are <em>provisional</em> (see {@link #deadline}, {@link #coveredYears()}).
 * Resolution is the nanosecond; slot bounds are whole seconds. In zones with daylight-saving time, provisional
 * arithmetic assumes the offset changes outside office hours (true of all current zones).
 *
 * <p>Immutable and thread-safe. Changes ({@link #withYears}, {@link #withOverrides}, {@link #withRules}) return a
 * new calendar; reads no clock: callers pass instants.
 */
public final class WorkingCalendar {
    /** At most this many years between the first and the last year with data. */
    public static final int MAX_COMPILED_YEARS = 200;
    private static final int NANOS = 1_000_000_000;

    private final CalendarRules rules;
    private final PlainWeekModel model;
    private final ZoneLine zoneLine;
    private final NavigableMap<Integer, HolidayYear> years;
    private final Map<LocalDate, DayOverride> national;
    private final NavigableMap<LocalDate, DayOverride> local;
    private final int[] covered;
    private final boolean coveredContiguous;
    /** Epoch seconds [coverStart, coverEnd) of the covered years when contiguous; an empty range otherwise. */
    private final long coverStart;
    private final long coverEnd;

    // Compiled range [rangeStart, rangeEnd) in epoch seconds.
    private final long rangeStart;
    private final long rangeEnd;
    private final int n;
    private final long[] starts;
    private final long[] ends;
    /** cum[i]: working seconds in the range before interval i; cum[n] = total. */
    private final long[] cum;
    private final long provAtStart;
    private final long provAtEnd;

    private WorkingCalendar(CalendarRules rules, PlainWeekModel model, NavigableMap<Integer, HolidayYear> years,
            NavigableMap<LocalDate, DayOverride> local) {
        this.rules = rules;
        this.model = model;
        this.zoneLine = new ZoneLine(rules.zone());
        this.years = Collections.unmodifiableNavigableMap(years);
        this.local = Collections.unmodifiableNavigableMap(local);
        Map<LocalDate, DayOverride> nat = new HashMap<>();
        for (HolidayYear y : years.values()) {
            for (DayOverride d : y.days()) {
                nat.put(d.date(), d);
            }
        }
        this.national = nat;
        this.covered = years.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.coveredContiguous = covered.length == 0 || covered[covered.length - 1] - covered[0] == covered.length - 1;

        if (covered.length > 0 && coveredContiguous) {
            coverStart = zoneLine.toEpoch(CivilDays.jan1(covered[0]) * CivilDays.SECONDS_PER_DAY);
            coverEnd = zoneLine.toEpoch(CivilDays.jan1(covered[covered.length - 1] + 1L) * CivilDays.SECONDS_PER_DAY);
        } else {
            coverStart = 0;
            coverEnd = 0;
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        if (!years.isEmpty()) {
            first = years.firstKey();
            last = years.lastKey();
        }
        if (!local.isEmpty()) {
            first = Math.min(first, local.firstKey().getYear());
            last = Math.max(last, local.lastKey().getYear());
        }
        if (first == Integer.MAX_VALUE) {
            rangeStart = 0;
            rangeEnd = 0;
            n = 0;
            starts = new long[0];
            ends = new long[0];
            cum = new long[1];
        } else {
            if (last - first + 1 > MAX_COMPILED_YEARS) {
                throw new InvalidValueException("calendar", "data spans " + first + ".." + last + "; at most "
                        + MAX_COMPILED_YEARS + " years between the first and the last year with data");
            }
            rangeStart = zoneLine.toEpoch(CivilDays.jan1(first) * CivilDays.SECONDS_PER_DAY);
            rangeEnd = zoneLine.toEpoch(CivilDays.jan1(last + 1L) * CivilDays.SECONDS_PER_DAY);
            int cap = (last - first + 1) * 366 * 2 + 4;
            long[] st = new long[cap];
            long[] en = new long[cap];
            int k = 0;
            for (LocalDate d = LocalDate.of(first, 1, 1); d.getYear() <= last; d = d.plusDays(1)) {
                long dayLocal = d.toEpochDay() * CivilDays.SECONDS_PER_DAY;
                for (TimeSlot slot : workingHours(d).slots()) {
                    long s = zoneLine.toEpoch(dayLocal + slot.start().toSecondOfDay());
                    long e = zoneLine.toEpoch(dayLocal + slot.end().toSecondOfDay());
                    if (k > 0 && s < en[k - 1]) {
                        s = en[k - 1];
                    }
                    if (e <= s) {
                        continue;
                    }
                    if (k > 0 && s == en[k - 1]) {
                        en[k - 1] = e;
                        continue;
                    }
                    if (k == st.length) {
                        st = Arrays.copyOf(st, k * 2);
                        en = Arrays.copyOf(en, k * 2);
                    }
                    st[k] = s;
                    en[k] = e;
                    k++;
                }
            }
            n = k;
            starts = Arrays.copyOf(st, k);
            ends = Arrays.copyOf(en, k);
            cum = new long[k + 1];
            for (int i = 0; i < k; i++) {
                cum[i + 1] = cum[i] + (ends[i] - starts[i]);
            }
        }
        provAtStart = model.indexOf(zoneLine.toLocal(rangeStart));
        provAtEnd = model.indexOf(zoneLine.toLocal(rangeEnd));
    }

    // ------------------------------------------------------------------ construction

    /**
     * @param rules the regular week
     * @param years holiday data to load (at most one entry per year)
     * @return the calendar
     * @throws InvalidValueException if a year is given twice, or the data spans more than {@value #MAX_COMPILED_YEARS} years
     */
    public static WorkingCalendar of(CalendarRules rules, Collection<HolidayYear> years) {
        InvalidValueException.requireNonNull(rules, "rules");
        return new WorkingCalendar(rules, new PlainWeekModel(rules), yearMap(new TreeMap<>(), years), new TreeMap<>());
    }

    /**
     * @param rules the regular week
     * @return a calendar without holiday data: every result is provisional
     */
    public static WorkingCalendar of(CalendarRules rules) {
        return of(rules, List.of());
    }

    /**
     * @return the default rules ({@link CalendarRules#defaults()}) with the bundled national holidays
     *         ({@link CalendarJson#bundled()}: 2025 and 2026)
     */
    public static WorkingCalendar china() {
        return of(CalendarRules.defaults(), CalendarJson.bundled());
    }

    private static TreeMap<Integer, HolidayYear> yearMap(TreeMap<Integer, HolidayYear> base, Collection<HolidayYear> add) {
        InvalidValueException.requireNonNull(add, "years");
        TreeMap<Integer, HolidayYear> m = new TreeMap<>(base);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (HolidayYear y : add) {
            InvalidValueException.requireNonNull(y, "years[]");
            if (!seen.add(y.year())) {
                throw new InvalidValueException("years", "year " + y.year() + " is given twice");
            }
            m.put(y.year(), y);
        }
        return m;
    }

    /**
     * Loads (or replaces) years of holiday data.
     *
     * @param newYears the years; each replaces the same year's data, if any
     * @return a new calendar; this one is unchanged
     */
    public WorkingCalendar withYears(Collection<HolidayYear> newYears) {
        return new WorkingCalendar(rules, model, yearMap(new TreeMap<>(years), newYears), new TreeMap<>(local));
    }

    /**
     * Adds department-specific overrides, which take precedence over the loaded years. They do not make a year
     * covered.
     *
     * @param overrides the overrides, at most one per date; each replaces this calendar's own override of that date
     * @return a new calendar; this one is unchanged
     */
    public WorkingCalendar withOverrides(Collection<DayOverride> overrides) {
        InvalidValueException.requireNonNull(overrides, "overrides");
        TreeMap<LocalDate, DayOverride> m = new TreeMap<>(local);
        java.util.Set<LocalDate> seen = new java.util.HashSet<>();
        for (DayOverride o : overrides) {
            InvalidValueException.requireNonNull(o, "overrides[]");
            if (!seen.add(o.date())) {
                throw new InvalidValueException("overrides", o.date() + " is given twice");
            }
            if (o.date().getYear() < HolidayYear.MIN_YEAR || o.date().getYear() > HolidayYear.MAX_YEAR) {
                throw new InvalidValueException("overrides", o.date() + " is outside the years " + HolidayYear.MIN_YEAR + ".." + HolidayYear.MAX_YEAR);
            }
            m.put(o.date(), o);
        }
        return new WorkingCalendar(rules, model, new TreeMap<>(years), m);
    }

    /**
     * @param newRules another regular week (e.g. a department's own hours or zone)
     * @return a new calendar with the same years and overrides; this one is unchanged
     */
    public WorkingCalendar withRules(CalendarRules newRules) {
        InvalidValueException.requireNonNull(newRules, "rules");
        PlainWeekModel m = newRules.equals(rules) ? model : new PlainWeekModel(newRules);
        return new WorkingCalendar(newRules, m, new TreeMap<>(years), new TreeMap<>(local));
    }

    // ------------------------------------------------------------------ description

    /** @return the regular week */
    public CalendarRules rules() {
        return rules;
    }

    /** @return the time zone */
    public ZoneId zone() {
        return rules.zone();
    }

    /** @return the loaded years of holiday data, by year */
    public List<HolidayYear> years() {
        return List.copyOf(years.values());
    }

    /** @return this calendar's own (department-specific) overrides, by date */
    public List<DayOverride> overrides() {
        return List.copyOf(local.values());
    }

    /** @return the years whose holiday data is loaded; results within them are final */
    public SortedSet<Integer> coveredYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /**
     * @param year a year
     * @return whether its holiday data is loaded
     */
    public boolean covers(int year) {
        return Arrays.binarySearch(covered, year) >= 0;
    }

    /**
     * @param date a date
     * @return its office hours (see the class comment for precedence)
     */
    public OfficeHours workingHours(LocalDate date) {
        InvalidValueException.requireNonNull(date, "date");
        DayOverride o = local.get(date);
        if (o == null) {
            o = national.get(date);
        }
        return o != null ? o.effectiveHours(rules) : rules.regularHours(date);
    }

    /**
     * @param date a date
     * @return whether it has office hours
     */
    public boolean isWorkingDay(LocalDate date) {
        return !workingHours(date).isEmpty();
    }

    /**
     * @param t an instant
     * @return whether it lies within office hours
     */
    public boolean isWorkingTime(Instant t) {
        InvalidValueException.requireNonNull(t, "instant");
        return isWorkingSecond(t.getEpochSecond());
    }

    /**
     * Whether a result spanning {@code from} to {@code to} depends on a year without loaded data.
     *
     * @param from one end (inclusive)
     * @param to   the other end (inclusive)
     * @return {@code true} if some local date between them lies in a year not {@linkplain #covers covered}
     */
    public boolean isProvisional(Instant from, Instant to) {
        InvalidValueException.requireNonNull(from, "from");
        InvalidValueException.requireNonNull(to, "to");
        return isProvisional(from.getEpochSecond(), to.getEpochSecond());
    }

    private boolean isProvisional(long from, long to) {
        if (coverStart < coverEnd) {
            return Math.min(from, to) < coverStart || Math.max(from, to) >= coverEnd;
        }
        long a = yearOf(from);
        long b = yearOf(to);
        if (b < a) {
            long t = a;
            a = b;
            b = t;
        }
        if (covered.length == 0 || a < covered[0] || b > covered[covered.length - 1]) {
            return true;
        }
        if (coveredContiguous) {
            return false;
        }
        int ia = Arrays.binarySearch(covered, (int) a);
        int ib = Arrays.binarySearch(covered, (int) b);
        return ia < 0 || ib < 0 || ib - ia != b - a;
    }

    private long yearOf(long epochSecond) {
        return CivilDays.yearOf(Math.floorDiv(zoneLine.toLocal(epochSecond), CivilDays.SECONDS_PER_DAY));
    }

    // ------------------------------------------------------------------ arithmetic

    /**
     * The earliest instant at or after {@code start} by which {@code workingDuration} of working time has elapsed.
     * A start outside office hours counts from the next opening; a goal that ends exactly at a closing falls due at
     * the closing (not at the next opening); a zero goal falls due at {@code start}.
     *
     * @param start           when the clock starts
     * @param workingDuration the goal, in working time, not negative
     * @return the deadline, possibly {@linkplain #deadline provisional}
     * @throws InvalidValueException if the duration is negative
     * @throws CalendarException     ({@code OUT_OF_RANGE}) if the result is beyond what {@link Instant} holds
     */
    public Instant add(Instant start, Duration workingDuration) {
        InvalidValueException.requireNonNull(start, "start");
        InvalidValueException.requireNonNull(workingDuration, "workingDuration");
        if (workingDuration.isNegative()) {
            throw new InvalidValueException("workingDuration", "must not be negative: " + workingDuration);
        }
        long s = start.getEpochSecond();
        int ns = start.getNano();
        long ts;
        long tn;
        try {
            long base = workBefore(s);
            int baseNano = ns != 0 && isWorkingSecond(s) ? ns : 0;
            ts = Math.addExact(base, workingDuration.getSeconds());
            tn = (long) baseNano + workingDuration.getNano();
            if (tn >= NANOS) {
                ts = Math.addExact(ts, 1L);
                tn -= NANOS;
            }
        } catch (ArithmeticException e) {
            throw outOfRange(start, workingDuration, e);
        }
        long rs;
        int rn;
        if (tn > 0) {
            rs = secondAt(ts);
            rn = (int) tn;
        } else {
            rs = secondAt(ts - 1) + 1;
            rn = 0;
        }
        if (rs < s || (rs == s && rn <= ns)) {
            return start;
        }
        try {
            return Instant.ofEpochSecond(rs, rn);
        } catch (DateTimeException e) {
            throw outOfRange(start, workingDuration, e);
        }
    }

    /**
     * {@link #add} with the provisional flag: set if a day between {@code start} and the result lies in a year whose
     * holiday data is not loaded (plain weekdays were assumed).
     *
     * @param start           when the clock starts
     * @param workingDuration the goal, in working time, not negative
     * @return the deadline and whether it is provisional
     */
    public Deadline deadline(Instant start, Duration workingDuration) {
        Instant at = add(start, workingDuration);
        return new Deadline(at, isProvisional(start.getEpochSecond(), at.getEpochSecond()));
    }

    /**
     * The working time between two instants: the office hours in {@code [a, b)}; negative if {@code b} is before
     * {@code a}. {@code between(s, add(s, d)).equals(d)} for every {@code d >= 0}.
     *
     * @param a from
     * @param b to
     * @return the working time
     */
    public Duration between(Instant a, Instant b) {
        InvalidValueException.requireNonNull(a, "a");
        InvalidValueException.requireNonNull(b, "b");
        if (b.isBefore(a)) {
            return between(b, a).negated();
        }
        long sa = a.getEpochSecond();
        long sb = b.getEpochSecond();
        long w = workBefore(sb) - workBefore(sa);
        int na = a.getNano() != 0 && isWorkingSecond(sa) ? a.getNano() : 0;
        int nb = b.getNano() != 0 && isWorkingSecond(sb) ? b.getNano() : 0;
        return Duration.ofSeconds(w, (long) nb - na);
    }

    /**
     * Dates between {@code from} and {@code to} (inclusive) whose office hours differ between this calendar and
     * {@code other} (all dates with office hours in either, if the zones differ). With {@link DeadlineChange} this
     * is the basis of a dry run before swapping calendars.
     *
     * @param other another calendar
     * @param from  first date
     * @param to    last date, inclusive, at most 100 years after {@code from}
     * @return the differing dates, ascending
     */
    public List<LocalDate> differingDates(WorkingCalendar other, LocalDate from, LocalDate to) {
        InvalidValueException.requireNonNull(other, "other");
        InvalidValueException.requireNonNull(from, "from");
        InvalidValueException.requireNonNull(to, "to");
        if (to.isBefore(from) || ChronoUnit.YEARS.between(from, to) >= 100) {
            throw new InvalidValueException("to", "must be from " + from + " to 100 years later");
        }
        boolean sameZone = zone().equals(other.zone());
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            OfficeHours mine = workingHours(d);
            OfficeHours theirs = other.workingHours(d);
            if (sameZone ? !mine.equals(theirs) : !(mine.isEmpty() && theirs.isEmpty())) {
                out.add(d);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ internals

    private static CalendarException outOfRange(Instant start, Duration d, Exception cause) {
        return new CalendarException(CalendarException.Reason.OUT_OF_RANGE, null, -1,
                "adding " + d + " of working time to " + start + " leaves the supported instant range", cause);
    }

    /**
     * The interval whose start was found last for {@link #isWorkingSecond} (the floor of the second asked), tried first
     * on the next call: the engine asks about "now" over and over, and now stays in one interval for hours. A hint only,
     * checked before use, so threads may race on it (an {@code int} is written whole).
     */
    private int lastInterval = -1;

    /** Working seconds from the range start to epoch second s (exclusive); negative before the range. */
    private long workBefore(long s) {
        if (s >= rangeEnd) {
            return cum[n] + model.indexOf(zoneLine.toLocal(s)) - provAtEnd;
        }
        if (s < rangeStart) {
            return model.indexOf(zoneLine.toLocal(s)) - provAtStart;
        }
        int i = floor(starts, n, s);
        if (i < 0) {
            return 0L;
        }
        long e = ends[i];
        return cum[i] + (s < e ? s : e) - starts[i];
    }

    private boolean isWorkingSecond(long s) {
        if (s >= rangeEnd || s < rangeStart) {
            return model.isWorking(zoneLine.toLocal(s));
        }
        int i = lastInterval;
        if (i < 0 || i >= n || starts[i] > s || (i + 1 < n && starts[i + 1] <= s)) { // not the interval asked last
            i = floor(starts, n, s);
            lastInterval = i;
        }
        return i >= 0 && s < ends[i];
    }

    /** The epoch second that is the working second with index k (relative to the range start). */
    private long secondAt(long k) {
        if (k < 0) {
            return zoneLine.toEpoch(model.localOf(k + provAtStart));
        }
        if (k >= cum[n]) {
            return zoneLine.toEpoch(model.localOf(k - cum[n] + provAtEnd));
        }
        int i = floor(cum, n, k);
        return starts[i] + (k - cum[i]);
    }

    /** Largest i in [0, len) with a[i] <= key, or -1. */
    private static int floor(long[] a, int len, long key) {
        int lo = 0;
        int hi = len - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    /** @return zone, covered years, number of own overrides and compiled intervals */
    @Override
    public String toString() {
        return "WorkingCalendar[zone=" + zone() + ", covered=" + years.keySet() + ", overrides=" + local.size()
                + ", intervals=" + n + "]";
    }

    /** Compares the definitions: rules, loaded years and own overrides. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingCalendar w && rules.equals(w.rules) && years.equals(w.years) && local.equals(w.local);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rules, years, local);
    }
}
