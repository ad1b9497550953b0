package org.mianzheng.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AdapterException;
import org.mianzheng.api.ReceiptException;
import org.mianzheng.api.VoucherNumber;
import org.mianzheng.api.VoucherRecord;
import org.mianzheng.seal.internal.Digests;
import org.mianzheng.seal.internal.Hex;
import org.mianzheng.seal.pades.PadesSigner;
import org.mianzheng.seal.store.InMemoryVoucherRegistry;
import org.mianzheng.seal.store.InMemoryVoucherSequence;

/** Voucher numbers: unique across nodes sharing a sequence, registered with issue time, digest and case. */
class VoucherTest {

    private static ReceiptService node(InMemoryVoucherSequence seq, InMemoryVoucherRegistry reg, Clock clock) {
        return ReceiptService.builder().clock(clock).voucherPrefix("WH").voucherSequence(seq).voucherRegistry(reg)
                .sealRegistry(new SealRegistry(op -> false, new SealRenderer(ReceiptFont.bundled()))).sealUseListener(u -> { })
                .signer(PadesSigner.builder(Fixtures.ecProvider()).clock(clock).build()).build();
    }

    @Test
    void twoNodesSharingASequenceNeverCollide() throws Exception {
        InMemoryVoucherSequence seq = new InMemoryVoucherSequence();
        InMemoryVoucherRegistry reg = new InMemoryVoucherRegistry();
        ReceiptService a = node(seq, reg, Fixtures.CLOCK);
        ReceiptService b = node(seq, reg, Fixtures.CLOCK);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Receipt>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ReceiptService node = i % 2 == 0 ? a : b;
            String bizNo = "BIZ-N" + i;
            futures.add(pool.submit(() -> node.issue(Fixtures.content(bizNo))));
        }
        Set<VoucherNumber> vouchers = new HashSet<>();
        for (Future<Receipt> f : futures) {
            Receipt r = f.get(60, TimeUnit.SECONDS);
            assertThat(vouchers.add(r.voucher())).isTrue();
            VoucherRecord rec = a.lookup(r.voucher()).orElseThrow();
            assertThat(rec.issuedAt()).isEqualTo(Fixtures.NOW);
            assertThat(rec.bizNo()).isEqualTo(r.bizNo());
            assertThat(rec.sha256Hex()).isEqualTo(Hex.encode(Digests.sha256(r.pdf()))).isEqualTo(r.sha256Hex());
        }
        pool.shutdownNow();
        assertThat(vouchers).extracting(VoucherNumber::sequence).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(reg.size()).isEqualTo(8);
    }

    @Test
    void voucherDateIsTheIssueDateInWuhai() {
        Clock late = Clock.fixed(Instant.parse("2026-11-25T17:00:00Z"), ZoneOffset.UTC);
        Receipt r = node(new InMemoryVoucherSequence(), new InMemoryVoucherRegistry(), late).issue(Fixtures.content("BIZ-D"));
        assertThat(r.voucher().date()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(r.voucher().format()).startsWith("WH20261126000001");
    }

    @Test
    void aSequenceThatRepeatsItselfIsCaught() {
        InMemoryVoucherRegistry reg = new InMemoryVoucherRegistry();
        ReceiptService s = ReceiptService.builder().clock(Fixtures.CLOCK).voucherPrefix("WH").voucherSequence((p, d) -> 1L).voucherRegistry(reg)
                .sealRegistry(new SealRegistry(op -> false, new SealRenderer(ReceiptFont.bundled()))).sealUseListener(u -> { })
                .signer(PadesSigner.builder(Fixtures.ecProvider()).clock(Fixtures.CLOCK).build()).build();
        s.issue(Fixtures.content("BIZ-X1"));
        assertThatThrownBy(() -> s.issue(Fixtures.content("BIZ-X2"))).isInstanceOf(ReceiptException.class)
                .hasMessageContaining("registered before");
        assertThat(reg.size()).isEqualTo(1);
    }

    @Test
    void failingAdaptersBecomeAdapterExceptions() {
        ReceiptService broken = ReceiptService.builder().clock(Fixtures.CLOCK).voucherPrefix("WH")
                .voucherSequence((p, d) -> {
                    throw new IllegalStateException("db down");
                }).voucherRegistry(new InMemoryVoucherRegistry())
                .sealRegistry(new SealRegistry(op -> false, new SealRenderer(ReceiptFont.bundled()))).sealUseListener(u -> { })
                .signer(PadesSigner.builder(Fixtures.ecProvider()).build()).build();
        assertThatThrownBy(() -> broken.issue(Fixtures.content("BIZ-F"))).isInstanceOf(AdapterException.class)
                .satisfies(e -> assertThat(((AdapterException) e).adapterId()).isEqualTo("voucherSequence"));
        ReceiptService zero = ReceiptService.builder().clock(Fixtures.CLOCK).voucherPrefix("WH").voucherSequence((p, d) -> 0L)
                .voucherRegistry(new InMemoryVoucherRegistry())
                .sealRegistry(new SealRegistry(op -> false, new SealRenderer(ReceiptFont.bundled()))).sealUseListener(u -> { })
                .signer(PadesSigner.builder(Fixtures.ecProvider()).build()).build();
        assertThatThrownBy(() -> zero.issue(Fixtures.content("BIZ-F"))).isInstanceOf(AdapterException.class).hasMessageContaining("start at 1");
    }

    @Test
    void inMemorySequenceCountsPerPrefixAndDay() {
        InMemoryVoucherSequence seq = new InMemoryVoucherSequence();
        LocalDate d = LocalDate.of(2026, 11, 25);
        assertThat(seq.next("WH", d)).isEqualTo(1);
        assertThat(seq.next("WH", d)).isEqualTo(2);
        assertThat(seq.next("WH", d.plusDays(1))).isEqualTo(1);
        assertThat(seq.next("HB", d)).isEqualTo(1);
    }
}
