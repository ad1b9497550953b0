package org.mianzheng.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The sliding window of distinct holders per operator, against a plain model: every holder's last touch, counted. */
class BulkTrackerTest {

    @Test
    void countsDistinctHoldersWithinTheWindow() {
        BulkTracker t = new BulkTracker(100);
        assertThat(t.touch("op", "a", 0)).isEqualTo(1);
        assertThat(t.touch("op", "b", 10)).isEqualTo(2);
        assertThat(t.touch("op", "c", 20)).isEqualTo(3);
        assertThat(t.touch("op", "a", 50)).isEqualTo(3);   // a repeat is not another holder; a is now touched last
        assertThat(t.touch("other", "a", 50)).isEqualTo(1); // per operator
        assertThat(t.touch("op", "d", 105)).isEqualTo(4);  // a's first touch (0) left the window, but a was touched again at 50
        assertThat(t.touch("op", "d", 115)).isEqualTo(3);  // b (10) left
        assertThat(t.touch("op", "e", 200)).isEqualTo(2);  // c (20) and a (50) left; d (115) and e remain
        assertThat(t.touch("op", "e", 400)).isEqualTo(1);
    }

    /** A holder touched again is kept by its last touch, also when it was the eldest. */
    @Test
    void theEldestTouchedAgainStaysAndTheNextEldestGoes() {
        BulkTracker t = new BulkTracker(100);
        t.touch("op", "x", 0);
        t.touch("op", "y", 10);
        assertThat(t.touch("op", "x", 50)).isEqualTo(2);
        assertThat(t.touch("op", "x", 105)).isEqualTo(2); // y (10) is still in
        assertThat(t.touch("op", "x", 111)).isEqualTo(1); // y left at 110
    }

    /**
     * Touches the holders in turn, time moving on by the steps, and compares every count with the model (each holder's
     * last touch, counted while in the window); after each touch, {@code after} sees the tracker and the count.
     */
    private static void againstTheModel(List<String> holders, List<Integer> steps, int window, java.util.function.ObjIntConsumer<BulkTracker> after) {
        againstTheModel(holders, steps, window, after, false);
    }

    /**
     * @param kept whether each holder's entry is kept and touched directly, as the engine does on repeated cache hits
     *             (a fresh one is fetched when the kept one has left the window)
     */
    private static void againstTheModel(List<String> holders, List<Integer> steps, int window, java.util.function.ObjIntConsumer<BulkTracker> after,
                                        boolean kept) {
        BulkTracker t = new BulkTracker(window);
        Map<String, BulkTracker.Holder> entries = new HashMap<>();
        Map<String, Long> last = new HashMap<>();
        long now = 1_000;
        for (int i = 0; i < holders.size(); i++) {
            now += i < steps.size() ? steps.get(i) : 1;
            String h = holders.get(i);
            last.put(h, now);
            long cutoff = now - window;
            long expected = last.values().stream().filter(at -> at > cutoff).count();
            int counted;
            if (kept) {
                BulkTracker.Holder e = entries.get(h);
                counted = e == null ? -1 : t.touch(e, now);
                if (counted < 0) {
                    e = t.holder("op", h);
                    entries.put(h, e);
                    counted = t.touch(e, now);
                }
            } else {
                counted = t.touch("op", h, now);
            }
            assertThat(counted).as("touch %d of %s at %d", i, h, now).isEqualTo((int) expected);
            after.accept(t, (int) expected);
        }
    }

    @Property(tries = 300)
    void matchesTheModel(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 7) Integer> holders,
                         @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 40) Integer> steps,
                         @ForAll @IntRange(min = 1, max = 100) int window) {
        againstTheModel(holders.stream().map(h -> "h" + h).toList(), steps, window, (t, counted) -> { });
    }

    /** The same, each holder's entry kept and touched directly, as repeated cache hits touch it. */
    @Property(tries = 300)
    void keptEntriesMatchTheModel(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 20) Integer> holders,
                                  @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 40) Integer> steps,
                                  @ForAll @IntRange(min = 1, max = 200) int window) {
        againstTheModel(holders.stream().map(h -> "h" + (h % 3 == 0 ? 0 : h)).toList(), steps, window, (t, counted) -> { }, true);
    }

    /** A kept entry whose holder has left the window is refused, not counted; the holder's new entry counts it again. */
    @Test
    void aKeptEntryThatLeftTheWindowIsRefused() {
        BulkTracker t = new BulkTracker(100);
        BulkTracker.Holder a = t.holder("op", "a");
        assertThat(t.touch(a, 0)).isEqualTo(1);
        assertThat(t.touch(a, 50)).isEqualTo(1);
        assertThat(t.touch("op", "b", 60)).isEqualTo(2);
        assertThat(t.touch("op", "c", 200)).isEqualTo(1); // a (50) and b (60) left
        assertThat(t.touch(a, 210)).as("a left the window: its entry is void").isEqualTo(-1);
        BulkTracker.Holder again = t.holder("op", "a");
        assertThat(again).isNotSameAs(a);
        assertThat(t.touch(again, 210)).isEqualTo(2);
        assertThat(t.touch("op", "a", 220)).as("the map and the kept entry are one holder").isEqualTo(2);
        assertThat(t.touch(again, 230)).isEqualTo(2);
    }

    /** Many holders (the log grows) mixed with runs of repeats (the log is compacted), against the model. */
    @Property(tries = 200)
    void matchesTheModelWithManyHoldersAndRepeats(@ForAll @Size(max = 600) List<@IntRange(min = 0, max = 90) Integer> holders,
                                                  @ForAll @Size(max = 600) List<@IntRange(min = 0, max = 3) Integer> steps,
                                                  @ForAll @IntRange(min = 1, max = 400) int window) {
        // runs: every fourth holder is touched again and again, which leaves cleared entries behind the eldest
        List<String> names = holders.stream().map(h -> "h" + (h % 4 == 0 ? 0 : h)).toList();
        int[] most = {0};
        againstTheModel(names, steps, window, (t, counted) -> {
            most[0] = Math.max(most[0], counted);
            // the log grows only when more than half of it is holders counted, and never shrinks
            assertThat(t.logLength("op")).as("log length, at most %d holders so far", most[0]).isLessThanOrEqualTo(Math.max(16, 4 * most[0]));
        });
    }

    /** An eldest holder still in the window while another is touched over and over: the log does not grow with the touches. */
    @Test
    void repeatsBehindAnEldestHolderDoNotGrowTheLog() {
        BulkTracker t = new BulkTracker(1_000_000);
        t.touch("op", "eldest", 0);
        for (int i = 1; i <= 100_000; i++) {
            assertThat(t.touch("op", "busy", i)).isEqualTo(2);
        }
        assertThat(t.logLength("op")).isLessThanOrEqualTo(16);
        assertThat(t.touch("op", "eldest", 1_000_001)).isEqualTo(2); // its first touch left, its new one counts; busy's last (100000) is in
        assertThat(t.touch("op", "late", 1_100_001)).isEqualTo(2);   // busy left at 1100000
    }

    /**
     * Touch times may arrive slightly out of order (each thread reads the clock before it takes the operator's lock):
     * holders still leave in the order of their last touches, as a plain list kept in that order says.
     */
    @Property(tries = 500)
    void jitteredTimesExpireInTheOrderOfTouches(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 5) Integer> holders,
                                                @ForAll @Size(max = 120) List<@IntRange(min = 0, max = 12) Integer> steps,
                                                @ForAll @Size(max = 120) List<@IntRange(min = 0, max = 3) Integer> early,
                                                @ForAll @IntRange(min = 1, max = 50) int window) {
        BulkTracker t = new BulkTracker(window);
        java.util.LinkedHashMap<String, Long> model = new java.util.LinkedHashMap<>();
        long now = 1_000;
        for (int i = 0; i < holders.size(); i++) {
            now += i < steps.size() ? steps.get(i) : 1;
            long at = now - (i < early.size() ? early.get(i) : 0);
            String h = "h" + holders.get(i);
            model.remove(h);
            model.put(h, at);
            for (java.util.Iterator<Long> it = model.values().iterator(); it.hasNext(); ) {
                if (it.next() <= at - window) {
                    it.remove();
                } else {
                    break;
                }
            }
            assertThat(t.touch("op", h, at)).as("touch %d of %s at %d", i, h, at).isEqualTo(model.size());
        }
    }
}
