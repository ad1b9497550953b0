package org.mianzheng.core.calendar;

/**
 * Allocation-free proleptic Gregorian arithmetic on epoch days (days since 1970-01-01), after H. Hinnant's
 * {@code civil_from_days} / {@code days_from_civil}. Package-private.
 */
final class CivilDays {
    static final long SECONDS_PER_DAY = 86_400L;

    private CivilDays() {
    }

    /**
     * @param epochDay days since 1970-01-01
     * @return its year
     */
    static long yearOf(long epochDay) {
        long z = epochDay + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1_460L + doe / 36_524L - doe / 146_096L) / 365L;
        long doy = doe - (365L * yoe + yoe / 4L - yoe / 100L);
        long mp = (5L * doy + 2L) / 153L;
        long y = yoe + era * 400L;
        return mp >= 10L ? y + 1L : y;
    }

    /**
     * @param year a year
     * @return the epoch day of its January 1
     */
    static long jan1(long year) {
        long y = year - 1L;
        long era = Math.floorDiv(y, 400L);
        long yoe = y - era * 400L;
        long doe = yoe * 365L + yoe / 4L - yoe / 100L + 306L;
        return era * 146_097L + doe - 719_468L;
    }

    /**
     * @param year a year
     * @return whether it has a February 29
     */
    static boolean isLeap(long year) {
        return (year & 3L) == 0L && (year % 100L != 0L || year % 400L == 0L);
    }

    /**
     * @param epochDay days since 1970-01-01
     * @return 0 for Monday to 6 for Sunday
     */
    static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3L, 7L);
    }
}
