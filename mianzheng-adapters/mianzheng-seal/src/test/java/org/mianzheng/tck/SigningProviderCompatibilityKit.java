package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.Codes;
import org.mianzheng.api.Holder;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.Receipt;
import org.mianzheng.seal.ReceiptContent;
import org.mianzheng.seal.ReceiptFont;
import org.mianzheng.seal.ReceiptService;
import org.mianzheng.seal.SealRegistry;
import org.mianzheng.seal.SealRenderer;
import org.mianzheng.seal.pades.PadesSigner;
import org.mianzheng.seal.store.InMemoryVoucherRegistry;
import org.mianzheng.seal.store.InMemoryVoucherSequence;
import org.mianzheng.seal.verify.CheckResult;
import org.mianzheng.seal.verify.ReceiptVerifier;
import org.mianzheng.seal.verify.VerificationReport;

/**
 * Contract tests every {@link SigningProvider} must pass. A provider's test extends this class and implements
 * {@link #createProvider()} and {@link #trustAnchors()}:
 *
 * <pre>{@code
 * class MyProviderTest extends SigningProviderCompatibilityKit {
 *     protected SigningProvider createProvider() { return MyProvider.connect(...); }
 *     protected List<X509Certificate> trustAnchors() { return List.of(myRoot); }
 * }
 * }</pre>
 *
 * It checks the written contract of the SPI (stable description, signatures that verify with the certificate, input
 * handling, thread safety) and that a receipt signed through the provider verifies end to end. Uses only the public
 * API of {@code mianzheng-seal}, so it can move to {@code mianzheng-tck} unchanged.
 */
public abstract class SigningProviderCompatibilityKit {
    /** A fixed time inside the validity of the provider's certificate; override {@link #now()} if needed. */
    protected static final Instant DEFAULT_NOW = Instant.parse("2026-11-25T06:30:05Z");

    private SigningProvider provider;

    /**
     * @return the provider under test, ready to sign
     * @throws Exception if it cannot be set up
     */
    protected abstract SigningProvider createProvider() throws Exception;

    /** @return the trust anchors the provider's certificate chain leads to */
    protected abstract List<X509Certificate> trustAnchors();

    /** @return a time at which the provider's certificates are valid */
    protected Instant now() {
        return DEFAULT_NOW;
    }

    @BeforeEach
    void createProviderUnderTest() throws Exception {
        provider = createProvider();
        assertThat(provider).as("createProvider()").isNotNull();
    }

    /** @return the provider under test */
    protected SigningProvider provider() {
        return provider;
    }

    @Test
    void idIsACodeAndStable() {
        String id = provider.id();
        assertThat(Codes.require(id, "id")).isEqualTo(id);
        assertThat(provider.id()).isEqualTo(id);
    }

    @Test
    void describesItselfStably() {
        assertThat(provider.algorithm()).isNotNull().isEqualTo(provider.algorithm());
        assertThat(provider.certificateChain()).isEqualTo(provider.certificateChain());
        assertThat(provider.sm2UserId()).isEqualTo(provider.sm2UserId());
    }

    @Test
    void chainIsNonEmptyUnmodifiableAndMatchesTheAlgorithm() {
        List<X509Certificate> chain = provider.certificateChain();
        assertThat(chain).isNotEmpty().doesNotContainNull();
        assertThatThrownBy(() -> chain.add(chain.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(chain.get(0).getPublicKey().getAlgorithm()).isIn(provider.algorithm().keyAlgorithm(), "SM2");
    }

    @Test
    void sm2ProvidersAlwaysNameAUserId() {
        if (provider.algorithm() == SignatureAlgorithm.SM3_WITH_SM2) {
            assertThat(provider.sm2UserId()).isNotEmpty();
        }
    }

    @Test
    void signatureVerifiesWithTheSignerCertificate() {
        byte[] data = "DER of signed attributes, or anything".getBytes(StandardCharsets.UTF_8);
        byte[] sig = provider.sign(data);
        assertThat(sig).isNotNull().isNotEmpty();
        assertThat(Verify.signature(provider, data, sig)).isTrue();
    }

    @Test
    void signatureIsBoundToTheData() {
        byte[] sig = provider.sign("one".getBytes(StandardCharsets.UTF_8));
        assertThat(Verify.signature(provider, "two".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
    }

    @Test
    void emptyInputCanBeSigned() {
        byte[] sig = provider.sign(new byte[0]);
        assertThat(Verify.signature(provider, new byte[0], sig)).isTrue();
    }

    @Test
    void nullIsRefusedWithATypedException() {
        assertThatThrownBy(() -> provider.sign(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void concurrentSigningIsSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                byte[] data = ("message " + i).getBytes(StandardCharsets.UTF_8);
                tasks.add(() -> Verify.signature(provider, data, provider.sign(data)));
            }
            for (Future<Boolean> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signedReceiptVerifiesEndToEnd() {
        Clock clock = Clock.fixed(now(), ZoneOffset.UTC);
        InMemoryVoucherRegistry registry = new InMemoryVoucherRegistry();
        ReceiptService service = ReceiptService.builder()
                .clock(clock)
                .voucherPrefix("TCK")
                .voucherSequence(new InMemoryVoucherSequence())
                .voucherRegistry(registry)
                .sealRegistry(new SealRegistry(op -> false, new SealRenderer(ReceiptFont.bundled())))
                .sealUseListener(use -> { })
                .signer(PadesSigner.builder(provider).clock(clock).build())
                .build();
        ReceiptContent content = ReceiptContent.builder()
                .issuingUnit("乌海市行政审批和政务服务局")
                .item("TCK-ITEM-1", "兼容性测试事项")
                .bizNo("TCK-BIZ-1")
                .applicant(new Holder(HolderKind.PERSON, HolderId.other("TCK-HOLDER-1"), "测试人"))
                .material(new ReceiptContent.LicenseMaterial("TCK001", "营业执照", "TCK-123", "乌海市市场监督管理局", null, null,
                        Map.of("名称", "乌海市测试有限公司")))
                .sourceChannel("cityhub")
                .operator("tck-clerk", "测试员")
                .build();
        Receipt receipt = service.issue(content);
        VerificationReport report = ReceiptVerifier.builder()
                .trustAnchors(trustAnchors())
                .voucherRegistry(registry)
                .clock(clock)
                .sm2UserId(provider.sm2UserId())
                .build()
                .verify(receipt.pdf());
        assertThat(report.failures()).as(report.toString()).isEmpty();
        assertThat(report.checks()).filteredOn(r -> r.status() == CheckResult.Status.PASSED).hasSize(4);
    }
}
