package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.Complaint;
import org.mianzheng.api.spi.ComplaintStore;

/**
 * Contract of {@link ComplaintStore}: insert once at version 1, optimistic updates (exactly the next version wins),
 * exact read-back of every field, received in {@code [from, to)} oldest first.
 */
public abstract class ComplaintStoreContractKit {
    /** The store under test. */
    protected ComplaintStore store;

    /** @return a new, empty store */
    protected abstract ComplaintStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void insertOnceAndFind() {
        Complaint a = StoreSamples.complaint("K1", 1);
        assertThat(store.find("K1")).isEmpty();
        assertThat(store.insert(a)).isTrue();
        assertThat(store.insert(StoreSamples.complaint("K1", 2))).as("id taken").isFalse();
        assertThat(store.find("K1")).contains(a);
        Complaint anonymous = StoreSamples.anonymousComplaint("K2", 3);
        assertThat(store.insert(anonymous)).isTrue();
        assertThat(store.find("K2")).contains(anonymous);
        assertThat(store.insert(StoreSamples.assigned(StoreSamples.complaint("K3", 4)))).as("only version 1 is inserted").isFalse();
        assertThat(store.find("K3")).isEmpty();
    }

    @Test
    void updatesAreOptimistic() {
        Complaint v1 = StoreSamples.complaint("K1", 1);
        store.insert(v1);
        Complaint v2 = StoreSamples.assigned(v1);
        Complaint v3 = StoreSamples.resolved(v2);
        assertThat(store.update(v3)).as("skips a version").isFalse();
        assertThat(store.update(v2)).isTrue();
        assertThat(store.update(v2)).as("stale").isFalse();
        assertThat(store.find("K1")).contains(v2);
        assertThat(store.update(v3)).isTrue();
        assertThat(store.find("K1")).contains(v3);
        assertThat(store.update(StoreSamples.assigned(StoreSamples.complaint("K9", 1)))).as("unknown id").isFalse();
        assertThat(store.find("K9")).isEmpty();
    }

    @Test
    void concurrentUpdatesHaveOneWinner() throws Exception {
        Complaint v1 = StoreSamples.complaint("K1", 1);
        store.insert(v1);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        List<Complaint> candidates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Complaint c = StoreSamples.assignedTo(v1, "DEPT" + i);
            candidates.add(c);
            tasks.add(() -> store.update(c));
        }
        List<Object> results = ContractSupport.together(tasks);
        assertThat(results).containsOnly(true, false).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(store.find("K1")).contains(candidates.get(results.indexOf(true)));
    }

    @Test
    void receivedBetweenIsHalfOpenAndOldestFirst() {
        Complaint late = StoreSamples.complaint("K1", 30);
        Complaint early = StoreSamples.complaint("K2", 10);
        Complaint sameTimeB = StoreSamples.anonymousComplaint("K4", 20);
        Complaint sameTimeA = StoreSamples.complaint("K3", 20);
        for (Complaint c : List.of(late, early, sameTimeB, sameTimeA)) {
            assertThat(store.insert(c)).isTrue();
        }
        assertThat(store.receivedBetween(StoreSamples.T0.plusSeconds(10), StoreSamples.T0.plusSeconds(30))).containsExactly(early, sameTimeA,
                sameTimeB);
        assertThat(store.receivedBetween(StoreSamples.T0.plusSeconds(10).plusNanos(1), StoreSamples.T0.plusSeconds(30).plusNanos(1)))
                .containsExactly(sameTimeA, sameTimeB, late);
        assertThat(store.receivedBetween(java.time.Instant.MIN, java.time.Instant.MAX)).hasSize(4);
        assertThat(store.receivedBetween(StoreSamples.T0, StoreSamples.T0)).isEmpty();
    }
}
