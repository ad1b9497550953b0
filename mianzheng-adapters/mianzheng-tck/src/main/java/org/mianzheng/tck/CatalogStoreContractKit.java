package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.CatalogFiling;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.spi.CatalogStore;

/** Contract of {@link CatalogStore}: filings come back equal, in order, without gaps; one winner per sequence. */
public abstract class CatalogStoreContractKit {
    /** The store under test. */
    protected CatalogStore store;

    /** @return a new, empty store */
    protected abstract CatalogStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void filingsOfEveryChangeKindComeBackEqual() {
        assertThat(store.loadAll()).isEmpty();
        List<CatalogFiling> filed = List.of(StoreSamples.filing(1), StoreSamples.filing(2), StoreSamples.filing(3));
        filed.forEach(store::append);
        assertThat(store.loadAll()).containsExactlyElementsOf(filed);
    }

    @Test
    void refusesAFilingThatIsNotTheNextOne() {
        assertThatThrownBy(() -> store.append(StoreSamples.filing(2))).isInstanceOf(StoreException.class);
        store.append(StoreSamples.filing(1));
        assertThatThrownBy(() -> store.append(StoreSamples.filing(1))).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.append(StoreSamples.filing(3))).isInstanceOf(StoreException.class);
        assertThat(store.loadAll()).containsExactly(StoreSamples.filing(1));
    }

    @Test
    void ofTwoNodesFilingTheSameSequenceOneWins() throws Exception {
        store.append(StoreSamples.filing(1));
        List<Callable<Boolean>> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(() -> {
                store.append(StoreSamples.filing(2));
                return true;
            });
        }
        List<Object> results = ContractSupport.together(nodes);
        assertThat(results.stream().filter(Boolean.TRUE::equals)).hasSize(1);
        assertThat(results.stream().filter(r -> r instanceof StoreException)).hasSize(2);
        assertThat(store.loadAll()).hasSize(2);
    }
}
