package org.mianzheng.core.calendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mianzheng.api.InvalidValueException;

/**
 * The office hours of one day: slots in ascending order, none overlapping (touching is allowed). Empty means
 * no working time that day.
 *
 * @param slots the slots; sorted by start on construction
 */
public record OfficeHours(List<TimeSlot> slots) {
    /** No working time. */
    public static final OfficeHours NONE = new OfficeHours(List.of());

    /** Validating constructor: sorts the slots and refuses overlaps. */
    public OfficeHours {
        InvalidValueException.requireNonNull(slots, "hours");
        List<TimeSlot> sorted = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            sorted.add(InvalidValueException.requireNonNull(slots.get(i), "hours[" + i + "]"));
        }
        sorted.sort(Comparator.comparing(TimeSlot::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).overlaps(sorted.get(i - 1))) {
                throw new InvalidValueException("hours", "slots " + sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
            }
        }
        slots = List.copyOf(sorted);
    }

    /**
     * @param slots slots as {@code HH:mm-HH:mm}, e.g. {@code "08:30-12:00", "14:30-18:00"}
     * @return the office hours
     * @throws InvalidValueException on a malformed, inverted or overlapping slot
     */
    public static OfficeHours of(String... slots) {
        List<TimeSlot> list = new ArrayList<>(slots.length);
        for (String s : slots) {
            list.add(TimeSlot.parse(s));
        }
        return new OfficeHours(list);
    }

    /** @return whether there is no working time */
    public boolean isEmpty() {
        return slots.isEmpty();
    }

    /** @return the working seconds of such a day */
    public int seconds() {
        int s = 0;
        for (TimeSlot t : slots) {
            s += t.seconds();
        }
        return s;
    }

    /** @return e.g. {@code [08:30-12:00, 14:30-18:00]} */
    @Override
    public String toString() {
        return slots.toString();
    }
}
