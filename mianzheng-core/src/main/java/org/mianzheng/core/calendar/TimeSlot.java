package org.mianzheng.core.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.mianzheng.api.InvalidValueException;

/**
 * One office-hour slot of a day, in local time: from {@code start} (inclusive) to {@code end} (exclusive).
 * Whole seconds only; a slot never crosses midnight.
 *
 * @param start first instant of the slot, local time
 * @param end   end of the slot, local time, strictly after {@code start}
 */
public record TimeSlot(LocalTime start, LocalTime end) {
    /** Validating constructor. */
    public TimeSlot {
        InvalidValueException.requireNonNull(start, "slot.start");
        InvalidValueException.requireNonNull(end, "slot.end");
        if (start.getNano() != 0 || end.getNano() != 0) {
            throw new InvalidValueException("slot", "whole seconds only: " + start + "-" + end);
        }
        if (!end.isAfter(start)) {
            throw new InvalidValueException("slot", "inverted slot " + start + "-" + end + ": the end must be after the start");
        }
    }

    /**
     * @param text {@code HH:mm-HH:mm} (or {@code HH:mm:ss-HH:mm:ss}), e.g. {@code 08:30-12:00}
     * @return the slot
     * @throws InvalidValueException if the text is not two local times joined by {@code -}, or the slot is inverted
     */
    public static TimeSlot parse(String text) {
        String t = InvalidValueException.requireText(text, "slot");
        int dash = t.indexOf('-');
        if (dash < 0 || dash != t.lastIndexOf('-')) {
            throw new InvalidValueException("slot", "expected HH:mm-HH:mm, got \"" + t + "\"");
        }
        LocalTime s;
        LocalTime e;
        try {
            s = LocalTime.parse(t.substring(0, dash).strip());
            e = LocalTime.parse(t.substring(dash + 1).strip());
        } catch (DateTimeParseException ex) {
            throw new InvalidValueException("slot", "expected HH:mm-HH:mm, got \"" + t + "\"");
        }
        return new TimeSlot(s, e);
    }

    /** @return the length of the slot in seconds */
    public int seconds() {
        return end.toSecondOfDay() - start.toSecondOfDay();
    }

    /**
     * @param other another slot
     * @return whether the two share at least one second (touching slots do not overlap)
     */
    public boolean overlaps(TimeSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** @return {@code HH:mm-HH:mm} */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
