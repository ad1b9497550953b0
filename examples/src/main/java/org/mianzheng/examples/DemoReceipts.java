package org.mianzheng.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mianzheng.api.AuditRecord;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Role;
import org.mianzheng.seal.Receipt;
import org.mianzheng.seal.ReceiptContent;
import org.mianzheng.seal.ReceiptFont;
import org.mianzheng.seal.ReceiptService;
import org.mianzheng.seal.SealRegistry;
import org.mianzheng.seal.SealRenderer;
import org.mianzheng.seal.pades.HttpTimestampClient;
import org.mianzheng.seal.pades.PadesSigner;
import org.mianzheng.seal.signing.SoftwareKeySigningProvider;
import org.mianzheng.seal.store.InMemoryVoucherRegistry;
import org.mianzheng.seal.store.InMemoryVoucherSequence;
import org.mianzheng.seal.testkit.TestPki;
import org.mianzheng.seal.testkit.TestTimestampAuthority;
import org.mianzheng.seal.verify.ReceiptVerifier;
import org.mianzheng.seal.verify.VerificationReport;
import org.mianzheng.core.Mianzheng;

/**
 * Receipts for the demo: a throw-away test PKI (root CA, an EC P-256 seal signing key), a test timestamp authority
 * on loopback (PAdES B-T), vouchers, the receipt service with its seal use recorded in the engine's audit chain, and
 * the offline verifier. A real deployment uses the seal administrator's key (PKCS#11, SM2, remote signer) instead.
 */
public final class DemoReceipts implements AutoCloseable {
    private final TestTimestampAuthority tsa;
    private final TestPki.Authority root;
    private final InMemoryVoucherRegistry registry = new InMemoryVoucherRegistry();
    private final ReceiptService service;
    private final Clock clock;

    /**
     * @param mz    the engine whose audit chain records every seal use and receipt
     * @param clock the clock receipts are issued by
     */
    public DemoReceipts(Mianzheng mz, Clock clock) {
        this(mz, clock, true);
    }

    /**
     * @param mz        the engine whose audit chain records every seal use and receipt
     * @param clock     the clock receipts are issued by
     * @param timestamp PAdES B-T with the loopback test TSA; {@code false}: B-B, no TSA started
     */
    public DemoReceipts(Mianzheng mz, Clock clock, boolean timestamp) {
        this.clock = clock;
        Instant now = clock.instant();
        root = TestPki.rootCa("mianzheng demo root CA", TestPki.KeyType.EC_P256, now);
        TestPki.Credential sealKey = root.signer("乌海市证照数据共享查询核验专用章", TestPki.KeyType.EC_P256);
        PadesSigner.Builder signing = PadesSigner.builder(SoftwareKeySigningProvider.of("demo-seal-key", sealKey.key(), sealKey.chain()))
                .clock(clock);
        if (timestamp) {
            try {
                tsa = TestTimestampAuthority.start(root.timestampAuthority("mianzheng demo TSA", TestPki.KeyType.EC_P256), clock);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            signing.timestampClient(HttpTimestampClient.builder(tsa.uri()).build());
        } else {
            tsa = null;
        }
        PadesSigner signer = signing.build();
        service = ReceiptService.builder()
                .clock(clock)
                .voucherPrefix("WHMZ")
                .voucherSequence(new InMemoryVoucherSequence())
                .voucherRegistry(registry)
                // seal profiles are managed by active SEAL_ADMINISTRATOR accounts only (Art. 13, 20)
                .sealRegistry(new SealRegistry(op -> mz.accounts().find(op).map(a -> a.active() && a.has(Role.SEAL_ADMINISTRATOR)).orElse(false),
                        new SealRenderer(ReceiptFont.bundled())))
                .sealUseListener(use -> mz.record(new AuditRecord(AuditType.SEAL_USED, use.operatorId(), use.bizNo(), null,
                        Map.of("voucher", use.voucher().format(), "sealProfile", use.sealProfileId()))))
                .signer(signer)
                .build();
    }

    /**
     * @param content what the receipt says
     * @return the sealed, signed receipt
     */
    public Receipt issue(ReceiptContent content) {
        return service.issue(content);
    }

    /**
     * @param pdf a receipt
     * @return every check, offline: signature, coverage, chain, timestamp, voucher
     */
    public VerificationReport verify(byte[] pdf) {
        return ReceiptVerifier.builder()
                .trustAnchors(List.of(root.root()))
                .timestampTrustAnchors(List.of(root.root()))
                .voucherRegistry(registry)
                .clock(clock)
                .build()
                .verify(pdf);
    }

    /** @return the demo root CA's certificate in PEM, to verify receipts elsewhere (e.g. {@link VerifyReceiptExample}) */
    public String rootPem() {
        return TestPki.pem(List.of(root.root()));
    }

    @Override
    public void close() {
        if (tsa != null) {
            tsa.close();
        }
    }
}
