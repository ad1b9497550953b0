package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AccountEvent;
import org.mianzheng.api.Operator;
import org.mianzheng.api.spi.OperatorStore;

/** Contract of {@link OperatorStore}: accounts with their history, first registration wins, liaisons replaceable. */
public abstract class OperatorStoreContractKit {
    /** The store under test. */
    protected OperatorStore store;

    /** @return a new, empty store */
    protected abstract OperatorStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void registerUpdateAndHistory() {
        Operator clerk = StoreSamples.operator("clerk1", "W01");
        Operator back = StoreSamples.operator("sup1", null);
        AccountEvent e1 = StoreSamples.accountEvent(AccountEvent.Kind.REGISTERED, "clerk1", 1);
        AccountEvent e2 = StoreSamples.accountEvent(AccountEvent.Kind.REGISTERED, "sup1", 2);
        assertThat(store.insert(clerk, e1)).isTrue();
        assertThat(store.insert(back, e2)).isTrue();
        assertThat(store.insert(StoreSamples.operator("clerk1", "W09"), StoreSamples.accountEvent(AccountEvent.Kind.REGISTERED, "clerk1", 3)))
                .as("first registration wins, nothing written").isFalse();
        assertThat(store.find("clerk1")).contains(clerk);
        assertThat(store.find("sup1")).contains(back);
        assertThat(store.find("nobody")).isEmpty();
        Operator gone = new Operator(clerk.id(), clerk.name(), clerk.departmentCode(), clerk.windowId(), clerk.roles(), clerk.registeredAt(),
                StoreSamples.T0.plusSeconds(99).plusNanos(1));
        AccountEvent e4 = StoreSamples.accountEvent(AccountEvent.Kind.DEREGISTERED, "clerk1", 4);
        store.update(gone, e4);
        assertThat(store.find("clerk1")).contains(gone);
        assertThat(store.events()).containsExactly(e1, e2, e4);
    }

    @Test
    void liaisonsAreAppointedAndReplaced() {
        assertThat(store.liaison("ZJJ")).isEmpty();
        AccountEvent a = StoreSamples.accountEvent(AccountEvent.Kind.LIAISON_APPOINTED, "op1", 1);
        AccountEvent b = StoreSamples.accountEvent(AccountEvent.Kind.LIAISON_APPOINTED, "op2", 2);
        store.putLiaison("ZJJ", "op1", a);
        assertThat(store.liaison("ZJJ")).contains("op1");
        store.putLiaison("ZJJ", "op2", b);
        assertThat(store.liaison("ZJJ")).contains("op2");
        assertThat(store.liaison("GAJ")).isEmpty();
        assertThat(store.events()).containsExactly(a, b);
    }
}
