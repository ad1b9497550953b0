package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.spi.AuditStore;

/** Contract of {@link AuditStore}: append-only, gap-free, linked, exact, atomic per batch, one winner among writers. */
public abstract class AuditStoreContractKit {
    /** The store under test, fresh and empty for each test. */
    protected AuditStore store;

    /** @return a new, empty store */
    protected abstract AuditStore newStore();

    /**
     * Another instance on the same backing store as the last {@link #newStore()}: another node on the same database.
     * The races below spread their writers over both instances. By default it is the same instance, which is right for
     * a store that is not shared between nodes; a store meant for several nodes should override it, since a store that
     * guards its writes only within its own instance passes the races on one instance.
     *
     * @return the second node's instance, or {@link #store} itself
     */
    protected AuditStore secondNode() {
        return store;
    }

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void emptyStoreHasNoLastEventAndReadsNothing() {
        assertThat(store.last()).isEmpty();
        assertThat(store.read(1, 10)).isEmpty();
    }

    @Test
    void eventsComeBackExactlyInOrder() {
        List<AuditEvent> chain = StoreSamples.chain(1, 25, AuditEvent.GENESIS);
        store.append(chain.subList(0, 10));
        store.append(chain.subList(10, 11));
        store.append(chain.subList(11, 25));
        assertThat(store.read(1, 100)).containsExactlyElementsOf(chain);
        assertThat(store.read(1, 100)).allSatisfy(e -> assertThat(e.hashValid()).isTrue());
        assertThat(store.last()).contains(chain.get(24));
        assertThat(store.read(5, 3)).containsExactlyElementsOf(chain.subList(4, 7));
        assertThat(store.read(20, Integer.MAX_VALUE)).containsExactlyElementsOf(chain.subList(19, 25));
        assertThat(store.read(26, 10)).isEmpty();
        assertThat(store.read(1, 1).get(0).at().getNano()).as("nanoseconds kept").isEqualTo(chain.get(0).at().getNano());
    }

    @Test
    void refusesABatchThatDoesNotContinueTheChain() {
        List<AuditEvent> chain = StoreSamples.chain(1, 6, AuditEvent.GENESIS);
        assertThatThrownBy(() -> store.append(chain.subList(1, 3))).as("must start at 1").isInstanceOf(StoreException.class);
        store.append(chain.subList(0, 3));
        assertThatThrownBy(() -> store.append(chain.subList(2, 4))).as("sequence taken").isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.append(chain.subList(4, 6))).as("gap").isInstanceOf(StoreException.class);
        List<AuditEvent> fork = StoreSamples.chain(4, 2, "f".repeat(64));
        assertThatThrownBy(() -> store.append(fork)).as("does not link to the last hash").isInstanceOf(StoreException.class);
        List<AuditEvent> broken = new ArrayList<>(chain.subList(3, 6));
        broken.remove(1);
        assertThatThrownBy(() -> store.append(broken)).as("not consecutive").isInstanceOf(StoreException.class);
        List<AuditEvent> unlinked = List.of(chain.get(3), StoreSamples.chain(5, 1, "f".repeat(64)).get(0));
        assertThatThrownBy(() -> store.append(unlinked)).as("an event of the batch not linked to the one before it")
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.append(List.of())).isInstanceOf(StoreException.class);
        assertThat(store.read(1, 100)).as("refused batches write nothing").containsExactlyElementsOf(chain.subList(0, 3));
        store.append(chain.subList(3, 6));
        assertThat(store.last()).contains(chain.get(5));
    }

    @Test
    void ofTwoWritersOnTheSameLastEventExactlyOneWins() throws Exception {
        List<AuditEvent> base = StoreSamples.chain(1, 2, AuditEvent.GENESIS);
        store.append(base);
        List<Callable<Boolean>> writers = new ArrayList<>();
        List<List<AuditEvent>> batches = new ArrayList<>();
        AuditStore[] instances = {store, secondNode()};
        for (int w = 0; w < 4; w++) {
            AuditStore on = instances[w % 2];
            List<AuditEvent> b = new ArrayList<>();
            String prev = base.get(1).hash();
            for (AuditEvent e : StoreSamples.chain(3, 3 + w, prev)) {
                b.add(AuditEvent.link(e.sequence(), e.at().plusNanos(w), new org.mianzheng.api.AuditRecord(e.type(), "writer" + w, e.bizNo(),
                        e.subject(), e.detail()), prev));
                prev = b.get(b.size() - 1).hash();
            }
            batches.add(b);
            writers.add(() -> {
                on.append(b);
                return true;
            });
        }
        List<Object> results = ContractSupport.together(writers);
        assertThat(results.stream().filter(Boolean.TRUE::equals)).hasSize(1);
        assertThat(results.stream().filter(r -> r instanceof StoreException)).hasSize(3);
        List<AuditEvent> winner = batches.get(results.indexOf(Boolean.TRUE));
        List<AuditEvent> expected = new ArrayList<>(base);
        expected.addAll(winner);
        assertThat(store.read(1, 100)).containsExactlyElementsOf(expected);
    }
}
