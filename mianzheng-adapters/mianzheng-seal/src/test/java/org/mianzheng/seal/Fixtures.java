package org.mianzheng.seal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mianzheng.api.CheckCharacters;
import org.mianzheng.api.Holder;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.pades.PadesSigner;
import org.mianzheng.seal.pades.TimestampClient;
import org.mianzheng.seal.signing.SoftwareKeySigningProvider;
import org.mianzheng.seal.signing.Sm2SigningProvider;
import org.mianzheng.seal.store.InMemoryVoucherRegistry;
import org.mianzheng.seal.store.InMemoryVoucherSequence;
import org.mianzheng.seal.testkit.TestPki;
import org.mianzheng.seal.verify.ReceiptVerifier;

/** Shared test data: a fixed clock, a test PKI generated once per run, sample receipt content. */
public final class Fixtures {
    /** 2026-11-25 14:30:05 in Wuhai. */
    public static final Instant NOW = Instant.parse("2026-11-25T06:30:05Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** A valid resident identity number (check character computed). */
    public static final String RESIDENT_ID = "15030219900307123" + CheckCharacters.residentIdentityCheck("15030219900307123");

    private static volatile Pki pki;

    private Fixtures() {
    }

    /** The test PKI: root CA, intermediate, signers of each key type, a TSA. */
    public static final class Pki {
        public final TestPki.Authority root;
        public final TestPki.Authority intermediate;
        public final TestPki.Credential rsa;
        public final TestPki.Credential ec;
        public final TestPki.Credential sm2;
        public final TestPki.Credential tsa;
        public final TestPki.Authority sm2Root;

        Pki() {
            root = TestPki.rootCa("mianzheng test root", TestPki.KeyType.EC_P256, NOW);
            intermediate = root.intermediate("mianzheng test issuing CA", TestPki.KeyType.EC_P256);
            rsa = intermediate.signer("乌海市行政审批和政务服务局 RSA", TestPki.KeyType.RSA_2048);
            ec = intermediate.signer("乌海市行政审批和政务服务局 EC", TestPki.KeyType.EC_P256);
            sm2Root = TestPki.rootCa("mianzheng test SM2 root", TestPki.KeyType.SM2, NOW);
            sm2 = sm2Root.signer("乌海市行政审批和政务服务局 SM2", TestPki.KeyType.SM2);
            tsa = root.timestampAuthority("mianzheng test TSA", TestPki.KeyType.EC_P256);
        }

        public List<java.security.cert.X509Certificate> anchors() {
            return List.of(root.certificate(), sm2Root.certificate());
        }
    }

    public static Pki pki() {
        Pki p = pki;
        if (p == null) {
            synchronized (Fixtures.class) {
                p = pki;
                if (p == null) {
                    p = new Pki();
                    pki = p;
                }
            }
        }
        return p;
    }

    public static SigningProvider rsaProvider() {
        return SoftwareKeySigningProvider.of("rsa", pki().rsa.key(), pki().rsa.chainWithoutRoot());
    }

    public static SigningProvider ecProvider() {
        return SoftwareKeySigningProvider.of("ec", pki().ec.key(), pki().ec.chainWithoutRoot());
    }

    public static SigningProvider sm2Provider() {
        return Sm2SigningProvider.of("sm2", pki().sm2.key(), pki().sm2.chainWithoutRoot(), "1234567812345678");
    }

    public static Holder applicant() {
        return Holder.person(RESIDENT_ID, "张三");
    }

    public static ReceiptContent.LicenseMaterial material() {
        Map<String, String> surface = new LinkedHashMap<>();
        surface.put("姓名", "张三");
        surface.put("公民身份号码", RESIDENT_ID);
        surface.put("住址", "内蒙古自治区乌海市海勃湾区滨河街道 Binhe Road 12号");
        surface.put("户别", "家庭户");
        return new ReceiptContent.LicenseMaterial("11100000MB0143028R", "居民户口簿", "HK1503020026", "乌海市公安局海勃湾区分局",
                LocalDate.of(2020, 1, 1), null, surface);
    }

    public static ReceiptContent content(String bizNo) {
        return ReceiptContent.builder()
                .issuingUnit("乌海市行政审批和政务服务局")
                .item("150300-000-XK-001", "食品经营许可（新办）")
                .bizNo(bizNo)
                .applicant(applicant())
                .material(material())
                .sourceChannel("cityhub")
                .operator("clerk-07", "李四")
                .build();
    }

    public static ReceiptContent resultContent(String bizNo, String text) {
        return ReceiptContent.builder()
                .issuingUnit("乌海市行政审批和政务服务局")
                .item("150300-000-XK-002", "建设工程规划许可")
                .bizNo(bizNo)
                .applicant(Holder.organisation("91150300MA0N1234" + "5" + CheckCharacters.creditCodeCheck("91150300MA0N12345"), "乌海市某某建材有限公司"))
                .resultText(text)
                .sourceChannel("onewindow")
                .operator("clerk-07", "李四")
                .build();
    }

    /** @return a verifier trusting the test PKI, without a voucher registry */
    public static ReceiptVerifier verifierWithoutRegistry() {
        return ReceiptVerifier.builder().trustAnchors(pki().anchors()).clock(CLOCK).build();
    }

    /** A receipt service wired with in-memory stores. */
    public static final class Setup {
        public final InMemoryVoucherSequence sequence = new InMemoryVoucherSequence();
        public final InMemoryVoucherRegistry registry = new InMemoryVoucherRegistry();
        public final List<SealUse> uses = new CopyOnWriteArrayList<>();
        public final SealRegistry seals;
        public final ReceiptService service;

        public Setup(SigningProvider provider, TimestampClient tsa) {
            this(provider, tsa, new SealRegistry(op -> op.equals("seal-admin"), new SealRenderer(ReceiptFont.bundled())));
        }

        public Setup(SigningProvider provider, TimestampClient tsa, SealRegistry seals) {
            this.seals = seals;
            PadesSigner.Builder sb = PadesSigner.builder(provider).clock(CLOCK);
            if (tsa != null) {
                sb.timestampClient(tsa);
            }
            this.service = ReceiptService.builder()
                    .clock(CLOCK)
                    .voucherPrefix("WH")
                    .voucherSequence(sequence)
                    .voucherRegistry(registry)
                    .sealRegistry(seals)
                    .sealUseListener(uses::add)
                    .signer(sb.build())
                    .build();
        }

        public ReceiptVerifier verifier() {
            return ReceiptVerifier.builder().trustAnchors(pki().anchors()).voucherRegistry(registry).clock(CLOCK).build();
        }
    }
}
