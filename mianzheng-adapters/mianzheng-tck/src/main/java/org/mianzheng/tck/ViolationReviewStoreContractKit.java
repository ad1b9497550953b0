package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.ViolationReview;
import org.mianzheng.api.spi.ViolationReviewStore;

/** Contract of {@link ViolationReviewStore}: first writer wins per violation, exact read-back, all oldest first. */
public abstract class ViolationReviewStoreContractKit {
    /** The store under test. */
    protected ViolationReviewStore store;

    /** @return a new, empty store */
    protected abstract ViolationReviewStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void firstReviewWinsAndAllAreOldestFirst() {
        ViolationReview b = StoreSamples.review("V2", 1, false);
        ViolationReview a = StoreSamples.review("V1", 2, true);
        assertThat(store.find("V1")).isEmpty();
        assertThat(store.all()).isEmpty();
        assertThat(store.add(b)).isTrue();
        assertThat(store.add(a)).isTrue();
        assertThat(store.add(StoreSamples.review("V2", 3, true))).as("a violation is reviewed once").isFalse();
        assertThat(store.find("V2")).contains(b);
        assertThat(store.find("V1")).contains(a);
        assertThat(store.find("V9")).isEmpty();
        assertThat(store.all()).containsExactly(b, a);
    }

    @Test
    void concurrentReviewsOfOneViolationHaveOneWinner() throws Exception {
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ViolationReview r = StoreSamples.review("V1", i, i % 2 == 0);
            tasks.add(() -> store.add(r));
        }
        List<Object> results = ContractSupport.together(tasks);
        assertThat(results).containsOnly(true, false).filteredOn(Boolean.TRUE::equals).hasSize(1);
        int winner = results.indexOf(true);
        assertThat(store.find("V1")).contains(StoreSamples.review("V1", winner, winner % 2 == 0));
        assertThat(store.all()).hasSize(1);
    }
}
