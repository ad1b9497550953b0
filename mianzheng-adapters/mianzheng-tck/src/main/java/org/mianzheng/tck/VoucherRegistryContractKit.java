package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.VoucherNumber;
import org.mianzheng.api.VoucherRecord;
import org.mianzheng.api.spi.VoucherRegistry;

/** Contract of {@link VoucherRegistry}: write-once per voucher number, exact read-back, unknown vouchers are empty. */
public abstract class VoucherRegistryContractKit {
    static final VoucherNumber V1 = VoucherNumber.of("WH", LocalDate.of(2026, 3, 2), 42);
    static final VoucherNumber V2 = VoucherNumber.of("WH", LocalDate.of(2026, 3, 2), 1_234_567);
    /** The store under test. */
    protected VoucherRegistry store;

    /** @return a new, empty store */
    protected abstract VoucherRegistry newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void registerOnceAndLookUp() {
        VoucherRecord a = new VoucherRecord(V1, StoreSamples.T0, "AB".repeat(32), "B1");
        VoucherRecord b = new VoucherRecord(V2, StoreSamples.T0.plusNanos(1), "0".repeat(64), "B2");
        assertThat(store.lookup(V1)).isEmpty();
        assertThat(store.register(a)).isTrue();
        assertThat(store.register(b)).isTrue();
        assertThat(store.lookup(V1)).contains(a);
        assertThat(store.lookup(V1).orElseThrow().sha256Hex()).isEqualTo("ab".repeat(32));
        assertThat(store.lookup(V2)).contains(b);
        assertThat(store.register(new VoucherRecord(V1, StoreSamples.T0.plusSeconds(9), "c".repeat(64), "B9"))).as("write once").isFalse();
        assertThat(store.lookup(V1)).contains(a);
        assertThat(store.lookup(VoucherNumber.of("WH", LocalDate.of(2026, 3, 3), 42))).isEmpty();
    }

    @Test
    void concurrentRegistrationsOfOneVoucherHaveOneWinner() throws Exception {
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            VoucherRecord r = new VoucherRecord(V1, StoreSamples.T0.plusSeconds(i), Integer.toString(i).repeat(64), "B" + i);
            tasks.add(() -> store.register(r));
        }
        List<Object> results = ContractSupport.together(tasks);
        assertThat(results).containsOnly(true, false).filteredOn(Boolean.TRUE::equals).hasSize(1);
        int winner = results.indexOf(true);
        assertThat(store.lookup(V1).orElseThrow().bizNo()).isEqualTo("B" + winner);
    }
}
