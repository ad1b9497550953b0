package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.Violation;
import org.mianzheng.api.spi.ViolationStore;

/** Contract of {@link ViolationStore}: violations by period, [from, to), oldest first, exact. */
public abstract class ViolationStoreContractKit {
    /** The store under test. */
    protected ViolationStore store;

    /** @return a new, empty store */
    protected abstract ViolationStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void periodsAreHalfOpenAndOldestFirst() {
        Instant t = StoreSamples.T0;
        Violation late = StoreSamples.violation("V3", t.plusSeconds(20));
        Violation early = StoreSamples.violation("V1", t);
        Violation middle = StoreSamples.violation("V2", t.plusSeconds(10).plusNanos(1));
        store.add(late);
        store.add(early);
        store.add(middle);
        assertThat(store.between(Instant.MIN, Instant.MAX)).containsExactly(early, middle, late);
        assertThat(store.between(t, t.plusSeconds(20))).containsExactly(early, middle);
        assertThat(store.between(t.plusNanos(1), t.plusSeconds(21))).containsExactly(middle, late);
        assertThat(store.between(t.plusSeconds(30), t.plusSeconds(40))).isEmpty();
    }
}
