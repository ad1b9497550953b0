package org.mianzheng.bench;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mianzheng.api.CheckCharacters;
import org.mianzheng.api.Holder;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.Receipt;
import org.mianzheng.seal.ReceiptContent;
import org.mianzheng.seal.ReceiptFont;
import org.mianzheng.seal.ReceiptService;
import org.mianzheng.seal.SealRegistry;
import org.mianzheng.seal.SealRenderer;
import org.mianzheng.seal.pades.HttpTimestampClient;
import org.mianzheng.seal.pades.PadesSigner;
import org.mianzheng.seal.signing.SoftwareKeySigningProvider;
import org.mianzheng.seal.signing.Sm2SigningProvider;
import org.mianzheng.seal.store.InMemoryVoucherRegistry;
import org.mianzheng.seal.store.InMemoryVoucherSequence;
import org.mianzheng.seal.testkit.TestPki;
import org.mianzheng.seal.testkit.TestTimestampAuthority;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Signed receipts per second: lay out the PDF/A-2b receipt, place the cached seal, take a voucher number, sign with
 * PAdES (B-B, or B-T against the in-process test TSA over loopback HTTP), register — {@link ReceiptService#issue}
 * end to end, on 1 and 2 threads, for RSA 2048, ECDSA P-256 and SM2. Baselines in the same run: a raw JCA
 * {@code Signature.sign} over bytes the size of the CMS signed attributes (JDK default provider; BouncyCastle for
 * SM2, which the JDK lacks), and the same through the {@link SigningProvider}.
 *
 * <p>Run (short settings, as recorded in {@code docs/BENCHMARKS.md}):
 * <pre>
 * mvn -B -q -pl mianzheng-bench -am package -DskipTests
 * java -jar mianzheng-bench/target/benchmarks.jar ReceiptBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReceiptBenchmark {
    static final Instant NOW = Instant.parse("2026-11-25T06:30:05Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Key material shared by the states, generated once per fork. */
    static final class Keys {
        static final TestPki.Authority ROOT = TestPki.rootCa("bench root", TestPki.KeyType.EC_P256, NOW);
        static final TestPki.Authority CA = ROOT.intermediate("bench issuing CA", TestPki.KeyType.EC_P256);
        static final TestPki.Authority SM2_ROOT = TestPki.rootCa("bench SM2 root", TestPki.KeyType.SM2, NOW);

        static TestPki.Credential credential(String algorithm) {
            switch (algorithm) {
                case "RSA":
                    return CA.signer("乌海市行政审批和政务服务局 RSA", TestPki.KeyType.RSA_2048);
                case "SM2":
                    return SM2_ROOT.signer("乌海市行政审批和政务服务局 SM2", TestPki.KeyType.SM2);
                default:
                    return CA.signer("乌海市行政审批和政务服务局 EC", TestPki.KeyType.EC_P256);
            }
        }

        static SigningProvider provider(String algorithm, TestPki.Credential c) {
            return "SM2".equals(algorithm) ? Sm2SigningProvider.of("bench-sm2", c.key(), c.chainWithoutRoot(), "1234567812345678")
                    : SoftwareKeySigningProvider.of("bench-" + algorithm.toLowerCase(java.util.Locale.ROOT), c.key(), c.chainWithoutRoot());
        }
    }

    /** A receipt service for one algorithm and PAdES level. */
    @State(Scope.Benchmark)
    public static class Issuing {
        @Param({"RSA", "EC", "SM2"})
        public String algorithm;
        @Param({"B_B", "B_T"})
        public String level;

        ReceiptService service;
        TestTimestampAuthority tsa;
        final AtomicLong counter = new AtomicLong();
        Holder applicant;
        ReceiptContent.LicenseMaterial material;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            SigningProvider provider = Keys.provider(algorithm, Keys.credential(algorithm));
            PadesSigner.Builder signer = PadesSigner.builder(provider).clock(CLOCK);
            if ("B_T".equals(level)) {
                tsa = TestTimestampAuthority.start(Keys.ROOT.timestampAuthority("bench TSA", TestPki.KeyType.EC_P256), CLOCK);
                signer.timestampClient(HttpTimestampClient.builder(tsa.uri()).build());
            }
            service = ReceiptService.builder()
                    .clock(CLOCK)
                    .voucherPrefix("WH")
                    .voucherSequence(new InMemoryVoucherSequence())
                    .voucherRegistry(new InMemoryVoucherRegistry())
                    .sealRegistry(new SealRegistry(op -> false, new SealRenderer(ReceiptFont.bundled())))
                    .sealUseListener(use -> { })
                    .signer(signer.build())
                    .build();
            String id = "15030219900307123" + CheckCharacters.residentIdentityCheck("15030219900307123");
            applicant = Holder.person(id, "张三");
            Map<String, String> surface = new LinkedHashMap<>();
            surface.put("姓名", "张三");
            surface.put("公民身份号码", id);
            surface.put("住址", "内蒙古自治区乌海市海勃湾区滨河街道 Binhe Road 12号");
            surface.put("户别", "家庭户");
            material = new ReceiptContent.LicenseMaterial("11100000MB0143028R", "居民户口簿", "HK1503020026", "乌海市公安局海勃湾区分局",
                    LocalDate.of(2020, 1, 1), null, surface);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (tsa != null) {
                tsa.close();
            }
        }

        ReceiptContent next() {
            return ReceiptContent.builder()
                    .issuingUnit("乌海市行政审批和政务服务局")
                    .item("150300-000-XK-001", "食品经营许可（新办）")
                    .bizNo("BENCH-" + counter.incrementAndGet())
                    .applicant(applicant)
                    .material(material)
                    .sourceChannel("cityhub")
                    .operator("clerk-07", "李四")
                    .build();
        }
    }

    /** The raw signature baselines for one algorithm. */
    @State(Scope.Benchmark)
    public static class Raw {
        @Param({"RSA", "EC", "SM2"})
        public String algorithm;

        PrivateKey key;
        String jcaName;
        Provider jcaProvider;
        SigningProvider provider;
        /** The size of the DER-encoded CMS signed attributes of a receipt. */
        final byte[] toBeSigned = new byte[330];

        @Setup(Level.Trial)
        public void setUp() {
            TestPki.Credential c = Keys.credential(algorithm);
            key = c.key();
            provider = Keys.provider(algorithm, c);
            jcaName = provider.algorithm().jcaName();
            jcaProvider = "SM2".equals(algorithm) ? new org.bouncycastle.jce.provider.BouncyCastleProvider() : null;
            new java.util.Random(1).nextBytes(toBeSigned);
        }
    }

    /** @return a signed, registered receipt (one thread) */
    @Benchmark
    @Threads(1)
    public Receipt issueOneThread(Issuing s) {
        return s.service.issue(s.next());
    }

    /** @return a signed, registered receipt (two threads) */
    @Benchmark
    @Threads(2)
    public Receipt issueTwoThreads(Issuing s) {
        return s.service.issue(s.next());
    }

    /** @return a raw JCA signature (baseline) */
    @Benchmark
    @Threads(1)
    public byte[] rawJcaSign(Raw r) throws Exception {
        Signature sig = r.jcaProvider == null ? Signature.getInstance(r.jcaName) : Signature.getInstance(r.jcaName, r.jcaProvider);
        sig.initSign(r.key);
        sig.update(r.toBeSigned);
        return sig.sign();
    }

    /** @return the same signature through the signing provider (baseline) */
    @Benchmark
    @Threads(1)
    public byte[] providerSign(Raw r) {
        return r.provider.sign(r.toBeSigned);
    }
}
