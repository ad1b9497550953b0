package org.mianzheng.core.calendar;

import java.time.Duration;
import java.time.Instant;
import org.mianzheng.api.InvalidValueException;

/**
 * The same working-time goal computed under two calendars, e.g. before and after loading a new year: the input of
 * a dry run over open work orders.
 *
 * @param before the deadline under the old calendar
 * @param after  the deadline under the new calendar
 */
public record DeadlineChange(Deadline before, Deadline after) {
    /** Validating constructor. */
    public DeadlineChange {
        InvalidValueException.requireNonNull(before, "before");
        InvalidValueException.requireNonNull(after, "after");
    }

    /**
     * @param before          the calendar in force
     * @param after           the candidate calendar
     * @param start           when the clock started
     * @param workingDuration the goal, in working time
     * @return both deadlines
     */
    public static DeadlineChange of(WorkingCalendar before, WorkingCalendar after, Instant start, Duration workingDuration) {
        return new DeadlineChange(before.deadline(start, workingDuration), after.deadline(start, workingDuration));
    }

    /** @return whether the instant or the provisional flag differs */
    public boolean changed() {
        return !before.equals(after);
    }

    /** @return whether the instant differs */
    public boolean moved() {
        return !before.at().equals(after.at());
    }
}
