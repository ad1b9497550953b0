package org.mianzheng.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.mianzheng.api.CalendarException;
import org.mianzheng.api.InvalidValueException;

/**
 * Working time of the regular week ({@link CalendarRules} without date overrides) on the local time line, for any
 * year, in O(log n) and without allocation: per-year-type tables (leap or not × weekday of January 1) of working
 * seconds before each day, and the 400-year Gregorian cycle for whole years. Used for provisional results outside
 * the compiled range. Immutable; package-private.
 *
 * <p>"Index" below means the number of working seconds from the start of year 0 to a local second (may be
 * negative).
 */
final class PlainWeekModel {
    private static final long MAX_YEAR = 1_000_000_000L;

    private final boolean[] workingDow = new boolean[7];
    private final int[][] slotStart;
    private final int[][] slotEnd;
    /** [leap ? 1 : 0][day of year, 0-based] → season index. */
    private final byte[][] seasonOfDay = new byte[2][];
    /** [type][day of year, 0-based] → working seconds in the year before that day; length days + 1. */
    private final int[][] dayCum = new int[14][];
    /** Working seconds of the years 0..r-1 of a 400-year cycle. */
    private final long[] cyclePrefix = new long[401];
    private final long cycleTotal;

    PlainWeekModel(CalendarRules rules) {
        for (DayOfWeek d : rules.workingDays()) {
            workingDow[d.getValue() - 1] = true;
        }
        List<Season> seasons = rules.seasons();
        slotStart = new int[seasons.size()][];
        slotEnd = new int[seasons.size()][];
        int[] seasonSeconds = new int[seasons.size()];
        for (int s = 0; s < seasons.size(); s++) {
            List<TimeSlot> slots = seasons.get(s).weekdayHours().slots();
            slotStart[s] = new int[slots.size()];
            slotEnd[s] = new int[slots.size()];
            for (int i = 0; i < slots.size(); i++) {
                slotStart[s][i] = slots.get(i).start().toSecondOfDay();
                slotEnd[s][i] = slots.get(i).end().toSecondOfDay();
            }
            seasonSeconds[s] = seasons.get(s).weekdayHours().seconds();
        }
        for (int leap = 0; leap < 2; leap++) {
            int year = leap == 1 ? 2024 : 2023;
            int days = leap == 1 ? 366 : 365;
            seasonOfDay[leap] = new byte[days];
            for (int doy = 0; doy < days; doy++) {
                Season season = rules.seasonOf(MonthDay.from(LocalDate.ofYearDay(year, doy + 1)));
                seasonOfDay[leap][doy] = (byte) seasons.indexOf(season);
            }
        }
        for (int type = 0; type < 14; type++) {
            int leap = type >= 7 ? 1 : 0;
            int jan1Dow = type % 7;
            int days = leap == 1 ? 366 : 365;
            int[] cum = new int[days + 1];
            for (int doy = 0; doy < days; doy++) {
                int w = workingDow[(jan1Dow + doy) % 7] ? seasonSeconds[seasonOfDay[leap][doy]] : 0;
                cum[doy + 1] = cum[doy] + w;
            }
            dayCum[type] = cum;
        }
        for (int r = 0; r < 400; r++) {
            int[] cum = dayCum[type(r, CivilDays.jan1(r))];
            cyclePrefix[r + 1] = cyclePrefix[r] + cum[cum.length - 1];
        }
        cycleTotal = cyclePrefix[400];
        if (cycleTotal <= 0) {
            throw new InvalidValueException("rules", "the regular week has no working time");
        }
    }

    private static int type(long year, long jan1) {
        return (CivilDays.isLeap(year) ? 7 : 0) + CivilDays.dayOfWeek(jan1);
    }

    private long yearBase(long year) {
        return Math.floorDiv(year, 400L) * cycleTotal + cyclePrefix[(int) Math.floorMod(year, 400L)];
    }

    /**
     * @param local a local second
     * @return the index of that second: working seconds from year 0 up to (not including) it
     */
    long indexOf(long local) {
        long day = Math.floorDiv(local, CivilDays.SECONDS_PER_DAY);
        int sod = (int) (local - day * CivilDays.SECONDS_PER_DAY);
        long year = CivilDays.yearOf(day);
        long jan1 = CivilDays.jan1(year);
        int doy = (int) (day - jan1);
        int type = type(year, jan1);
        long w = yearBase(year) + dayCum[type][doy];
        if (workingDow[CivilDays.dayOfWeek(day)]) {
            int season = seasonOfDay[type >= 7 ? 1 : 0][doy];
            int[] st = slotStart[season];
            int[] en = slotEnd[season];
            for (int i = 0; i < st.length && sod > st[i]; i++) {
                w += Math.min(sod, en[i]) - st[i];
            }
        }
        return w;
    }

    /**
     * @param local a local second
     * @return whether it lies in office hours of the regular week
     */
    boolean isWorking(long local) {
        long day = Math.floorDiv(local, CivilDays.SECONDS_PER_DAY);
        if (!workingDow[CivilDays.dayOfWeek(day)]) {
            return false;
        }
        int sod = (int) (local - day * CivilDays.SECONDS_PER_DAY);
        long year = CivilDays.yearOf(day);
        int doy = (int) (day - CivilDays.jan1(year));
        int season = seasonOfDay[CivilDays.isLeap(year) ? 1 : 0][doy];
        int[] st = slotStart[season];
        int[] en = slotEnd[season];
        for (int i = 0; i < st.length; i++) {
            if (sod >= st[i] && sod < en[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param index a working-second index
     * @return the local second that is the working second with that index
     * @throws CalendarException if it lies beyond year ±1,000,000,000
     */
    long localOf(long index) {
        long q = Math.floorDiv(index, cycleTotal);
        long rem = index - q * cycleTotal;
        int r = floor(cyclePrefix, 400, rem);
        long year = q * 400L + r;
        if (year > MAX_YEAR || year < -MAX_YEAR) {
            throw new CalendarException(CalendarException.Reason.OUT_OF_RANGE, "working time reaches beyond year " + (year > 0 ? "+" : "-") + MAX_YEAR);
        }
        int inYear = (int) (rem - cyclePrefix[r]);
        long jan1 = CivilDays.jan1(year);
        int type = type(year, jan1);
        int[] cum = dayCum[type];
        int doy = floor(cum, cum.length - 1, inYear);
        int inDay = inYear - cum[doy];
        int season = seasonOfDay[type >= 7 ? 1 : 0][doy];
        int[] st = slotStart[season];
        int[] en = slotEnd[season];
        int sod = -1;
        for (int i = 0; i < st.length; i++) {
            int len = en[i] - st[i];
            if (inDay < len) {
                sod = st[i] + inDay;
                break;
            }
            inDay -= len;
        }
        return (jan1 + doy) * CivilDays.SECONDS_PER_DAY + sod;
    }

    /** Largest i in [0, n) with a[i] <= key; a is non-decreasing and a[0] <= key. */
    private static int floor(long[] a, int n, long key) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (a[mid] <= key) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static int floor(int[] a, int n, int key) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (a[mid] <= key) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
