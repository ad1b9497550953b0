package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.Consent;
import org.mianzheng.api.spi.ConsentStore;

/** Contract of {@link ConsentStore}: put inserts or replaces, a replaced consent keeps its place, per case oldest first. */
public abstract class ConsentStoreContractKit {
    /** The store under test. */
    protected ConsentStore store;

    /** @return a new, empty store */
    protected abstract ConsentStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void putFindAndRevokeInPlace() {
        Consent a = StoreSamples.consent("C1", "B1", 1);
        Consent b = StoreSamples.consent("C2", "B1", 2);
        Consent other = StoreSamples.consent("C3", "B2", 3);
        assertThat(store.find("C1")).isEmpty();
        store.put(a);
        store.put(other);
        store.put(b);
        assertThat(store.find("C1")).contains(a);
        assertThat(store.forCase("B1")).containsExactly(a, b);
        Consent revoked = a.revoke(StoreSamples.T0.plusSeconds(60).plusNanos(7), "clerk2");
        store.put(revoked);
        assertThat(store.find("C1")).contains(revoked);
        assertThat(store.forCase("B1")).as("a revocation keeps the consent's place").containsExactly(revoked, b);
        assertThat(store.forCase("B2")).containsExactly(other);
        assertThat(store.forCase("B9")).isEmpty();
    }
}
