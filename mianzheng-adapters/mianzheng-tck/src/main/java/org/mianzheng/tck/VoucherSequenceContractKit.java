package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.InvalidIdentifierException;
import org.mianzheng.api.spi.VoucherSequence;

/**
 * Contract of {@link VoucherSequence}: numbers from 1, increasing, per prefix and day, and never handed out twice, not
 * even by two instances on the same backing store (two nodes) drawing at the same time.
 */
public abstract class VoucherSequenceContractKit {
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /** The store under test. */
    protected VoucherSequence store;

    /** @return a new, empty store */
    protected abstract VoucherSequence newStore();

    /**
     * @return another instance on the same backing store as the last {@link #newStore()} (another node on the same
     *         database); a store that is not shared between nodes returns that same instance
     */
    protected abstract VoucherSequence secondNode();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void startsAtOneAndCountsPerPrefixAndDay() {
        assertThat(store.next("WH", DAY)).isEqualTo(1);
        assertThat(store.next("WH", DAY)).isEqualTo(2);
        assertThat(store.next("WH", DAY.plusDays(1))).isEqualTo(1);
        assertThat(store.next("WHA", DAY)).isEqualTo(1);
        long third = store.next("WH", DAY);
        assertThat(third).isGreaterThan(2);
        assertThat(secondNode().next("WH", DAY)).as("another node continues, never repeats").isGreaterThan(third);
    }

    @Test
    void refusesAnInvalidPrefix() {
        assertThatThrownBy(() -> store.next("wh", DAY)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> store.next("", DAY)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void twoNodesDrawingTogetherNeverShareANumber() throws Exception {
        VoucherSequence other = secondNode();
        int perTask = 25;
        List<Callable<List<Long>>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            VoucherSequence node = i % 2 == 0 ? store : other;
            LocalDate day = i < 4 ? DAY : DAY.plusDays(1); // the first counter row is created concurrently, too
            tasks.add(() -> {
                List<Long> got = new ArrayList<>();
                for (int k = 0; k < perTask; k++) {
                    got.add(node.next("ZZ", day));
                }
                return got;
            });
        }
        List<Object> results = ContractSupport.together(tasks);
        Set<Long> first = new HashSet<>();
        Set<Long> second = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i)).as("task %d", i).isInstanceOf(List.class);
            @SuppressWarnings("unchecked")
            List<Long> got = (List<Long>) results.get(i);
            assertThat(got).as("increasing within one thread").isSorted().allMatch(n -> n >= 1);
            for (Long n : got) {
                assertThat((i < 4 ? first : second).add(n)).as("number %d handed out twice", n).isTrue();
            }
        }
        assertThat(first).hasSize(4 * perTask);
        assertThat(second).hasSize(2 * perTask);
    }
}
