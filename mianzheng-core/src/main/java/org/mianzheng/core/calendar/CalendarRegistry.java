package org.mianzheng.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.mianzheng.api.Codes;
import org.mianzheng.api.InvalidValueException;

/**
 * The working calendars in force: one per department code, and a default for departments without their own.
 *
 * <p>The registry holds one immutable {@link Snapshot}; every change builds a complete new snapshot and installs it
 * with a single atomic swap, so readers see either the old calendars or the new ones, never a mix. If building the
 * new snapshot fails (e.g. a bad data file), nothing is installed. A dry run is: take {@link #snapshot()}, build the
 * candidate with the snapshot's pure methods, compare deadlines ({@link Snapshot#compare}), then install with
 * {@link #compareAndSet}. Thread-safe.
 */
public final class CalendarRegistry {
    /**
     * An immutable set of calendars.
     *
     * @param defaultCalendar the calendar of departments without their own
     * @param departments     department code → calendar
     */
    public record Snapshot(WorkingCalendar defaultCalendar, Map<String, WorkingCalendar> departments) {
        /** Validating constructor. */
        public Snapshot {
            InvalidValueException.requireNonNull(defaultCalendar, "defaultCalendar");
            InvalidValueException.requireNonNull(departments, "departments");
            Map<String, WorkingCalendar> copy = new HashMap<>();
            for (Map.Entry<String, WorkingCalendar> e : departments.entrySet()) {
                copy.put(Codes.require(e.getKey(), "departmentCode"), InvalidValueException.requireNonNull(e.getValue(), "departments[" + e.getKey() + "]"));
            }
            departments = Map.copyOf(copy);
        }

        /**
         * @param departmentCode a department code, or {@code null}
         * @return its calendar, or the default calendar
         */
        public WorkingCalendar calendarFor(String departmentCode) {
            if (departmentCode == null) {
                return defaultCalendar;
            }
            WorkingCalendar c = departments.get(departmentCode);
            return c != null ? c : defaultCalendar;
        }

        /**
         * @param departmentCode a department code
         * @param calendar       its own calendar
         * @return a snapshot with it
         */
        public Snapshot with(String departmentCode, WorkingCalendar calendar) {
            Map<String, WorkingCalendar> m = new HashMap<>(departments);
            m.put(Codes.require(departmentCode, "departmentCode"), InvalidValueException.requireNonNull(calendar, "calendar"));
            return new Snapshot(defaultCalendar, m);
        }

        /**
         * @param departmentCode a department code
         * @return a snapshot where that department uses the default calendar
         */
        public Snapshot without(String departmentCode) {
            Map<String, WorkingCalendar> m = new HashMap<>(departments);
            m.remove(departmentCode);
            return new Snapshot(defaultCalendar, m);
        }

        /**
         * @param calendar a new default calendar
         * @return a snapshot with it
         */
        public Snapshot withDefault(WorkingCalendar calendar) {
            return new Snapshot(calendar, departments);
        }

        /**
         * @param change applied to the default and to every department calendar; must be pure
         * @return the changed snapshot
         */
        public Snapshot map(UnaryOperator<WorkingCalendar> change) {
            InvalidValueException.requireNonNull(change, "change");
            Map<String, WorkingCalendar> m = new HashMap<>();
            for (Map.Entry<String, WorkingCalendar> e : departments.entrySet()) {
                m.put(e.getKey(), change.apply(e.getValue()));
            }
            return new Snapshot(change.apply(defaultCalendar), m);
        }

        /**
         * @param years holiday data to load into every calendar
         * @return the changed snapshot
         */
        public Snapshot withYears(Collection<HolidayYear> years) {
            return map(c -> c.withYears(years));
        }

        /**
         * @param year a year
         * @return codes of the departments whose calendar does not cover it, and {@code "*"} if the default does
         *         not: the input of a coverage alarm
         */
        public SortedSet<String> notCovering(int year) {
            SortedSet<String> out = new TreeSet<>();
            if (!defaultCalendar.covers(year)) {
                out.add("*");
            }
            for (Map.Entry<String, WorkingCalendar> e : departments.entrySet()) {
                if (!e.getValue().covers(year)) {
                    out.add(e.getKey());
                }
            }
            return out;
        }

        /**
         * @param next            a candidate snapshot
         * @param departmentCode  the receiving department
         * @param start           when the clock started
         * @param workingDuration the goal
         * @return the deadline under this snapshot and under {@code next}
         */
        public DeadlineChange compare(Snapshot next, String departmentCode, Instant start, Duration workingDuration) {
            return DeadlineChange.of(calendarFor(departmentCode), next.calendarFor(departmentCode), start, workingDuration);
        }
    }

    private final AtomicReference<Snapshot> current;

    /**
     * @param defaultCalendar the calendar of every department, until some get their own
     */
    public CalendarRegistry(WorkingCalendar defaultCalendar) {
        this(new Snapshot(defaultCalendar, Map.of()));
    }

    /**
     * @param initial the initial snapshot
     */
    public CalendarRegistry(Snapshot initial) {
        current = new AtomicReference<>(InvalidValueException.requireNonNull(initial, "initial"));
    }

    /** @return the calendars in force */
    public Snapshot snapshot() {
        return current.get();
    }

    /**
     * @param departmentCode a department code, or {@code null}
     * @return its calendar in force, or the default calendar
     */
    public WorkingCalendar calendarFor(String departmentCode) {
        return current.get().calendarFor(departmentCode);
    }

    /**
     * Builds a new snapshot from the one in force and installs it atomically (retrying if another change won the
     * race). If {@code change} throws, nothing is installed and the exception propagates.
     *
     * @param change pure function from the snapshot in force to the next
     * @return the snapshot installed
     */
    public Snapshot update(UnaryOperator<Snapshot> change) {
        InvalidValueException.requireNonNull(change, "change");
        while (true) {
            Snapshot prev = current.get();
            Snapshot next = InvalidValueException.requireNonNull(change.apply(prev), "next snapshot");
            if (current.compareAndSet(prev, next)) {
                return next;
            }
        }
    }

    /**
     * Installs {@code next} if the snapshot in force is still {@code expected} (same instance): the last step of a
     * dry run.
     *
     * @param expected the snapshot the candidate was built from
     * @param next     the candidate
     * @return whether it was installed
     */
    public boolean compareAndSet(Snapshot expected, Snapshot next) {
        return current.compareAndSet(expected, InvalidValueException.requireNonNull(next, "next"));
    }

    /**
     * Loads years of holiday data into every calendar, atomically.
     *
     * @param years the years, e.g. from {@link CalendarJson#parse(java.io.InputStream)}
     * @return the snapshot installed
     */
    public Snapshot loadYears(Collection<HolidayYear> years) {
        return update(s -> s.withYears(years));
    }

    /**
     * @param departmentCode a department code
     * @param calendar       its own calendar
     * @return the snapshot installed
     */
    public Snapshot put(String departmentCode, WorkingCalendar calendar) {
        return update(s -> s.with(departmentCode, calendar));
    }
}
