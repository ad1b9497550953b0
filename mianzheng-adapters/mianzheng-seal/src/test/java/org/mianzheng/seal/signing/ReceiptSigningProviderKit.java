package org.mianzheng.seal.signing;

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
import org.mianzheng.tck.SigningProviderCompatibilityKit;

/**
 * The signing-provider kit of {@code mianzheng-tck}, plus a receipt signed through the provider and verified end to
 * end by the {@code ReceiptVerifier}. Every provider test of this module extends it.
 */
public abstract class ReceiptSigningProviderKit extends SigningProviderCompatibilityKit {

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
                .signer(PadesSigner.builder(provider()).clock(clock).build())
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
                .sm2UserId(provider().sm2UserId())
                .build()
                .verify(receipt.pdf());
        assertThat(report.failures()).as(report.toString()).isEmpty();
        assertThat(report.checks()).filteredOn(r -> r.status() == CheckResult.Status.PASSED).hasSize(4);
    }
}
