package org.mianzheng.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mianzheng.api.ReceiptException;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.internal.Hex;
import org.mianzheng.seal.pades.HttpTimestampClient;
import org.mianzheng.seal.signing.SoftwareKeySigningProvider;
import org.mianzheng.seal.store.InMemoryVoucherRegistry;
import org.mianzheng.seal.testkit.TestPki;
import org.mianzheng.seal.testkit.TestTimestampAuthority;
import org.mianzheng.seal.verify.Check;
import org.mianzheng.seal.verify.CheckResult;
import org.mianzheng.seal.verify.ReceiptVerifier;
import org.mianzheng.seal.verify.VerificationReport;

/** Offline verification: each check reported on its own; tampering detected and named; hostile input handled. */
class ReceiptVerifierTest {
    static TestTimestampAuthority tsa;
    static Fixtures.Setup ecBb;
    static Fixtures.Setup ecBt;
    static Receipt receipt;
    static Receipt other;

    @BeforeAll
    static void issue() throws Exception {
        tsa = TestTimestampAuthority.start(Fixtures.pki().tsa, Fixtures.CLOCK);
        ecBb = new Fixtures.Setup(Fixtures.ecProvider(), null);
        ecBt = new Fixtures.Setup(Fixtures.ecProvider(), HttpTimestampClient.builder(tsa.uri()).build());
        receipt = ecBb.service.issue(Fixtures.content("BIZ-V1"));
        other = ecBb.service.issue(Fixtures.content("BIZ-V2"));
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private static SigningProvider provider(String kind) {
        switch (kind) {
            case "RSA":
                return Fixtures.rsaProvider();
            case "SM2":
                return Fixtures.sm2Provider();
            default:
                return Fixtures.ecProvider();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"RSA, B-B", "RSA, B-T", "EC, B-B", "EC, B-T", "SM2, B-B", "SM2, B-T"})
    void validReceiptsPassEveryCheck(String kind, String level) {
        boolean bt = level.equals("B-T");
        Fixtures.Setup s = new Fixtures.Setup(provider(kind), bt ? HttpTimestampClient.builder(tsa.uri()).build() : null);
        Receipt r = s.service.issue(Fixtures.content("BIZ-" + kind));
        VerificationReport report = s.verifier().verify(r.pdf());
        assertThat(report.failures()).as(report.toString()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.voucher()).contains(r.voucher());
        assertThat(report.claimedSigningTime()).contains(Fixtures.NOW);
        assertThat(report.result(Check.TIMESTAMP_VALID).status()).isEqualTo(bt ? CheckResult.Status.PASSED : CheckResult.Status.SKIPPED);
        assertThat(report.timestampTime().isPresent()).isEqualTo(bt);
        assertThat(report.checks()).extracting(CheckResult::check).containsExactly(Check.values());
    }

    private static byte[] replace(byte[] pdf, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + f.length <= pdf.length; i++) {
            if (Arrays.equals(pdf, i, i + f.length, f, 0, f.length)) {
                byte[] out = pdf.clone();
                System.arraycopy(to.getBytes(StandardCharsets.ISO_8859_1), 0, out, i, f.length);
                return out;
            }
        }
        throw new AssertionError(from + " not found");
    }

    @Test
    void oneChangedByteInTheSignedRangeBreaksTheSignature() {
        byte[] tampered = replace(receipt.pdf(), "<xmp:CreatorTool>mianzheng<", "<xmp:CreatorTool>mianzhenG<");
        VerificationReport report = ecBb.verifier().verify(tampered);
        assertThat(report.result(Check.SIGNATURE_VALID).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(report.result(Check.SIGNATURE_VALID).detail()).contains("signed bytes were altered");
        assertThat(report.result(Check.DOCUMENT_COVERED).passed()).isTrue();
        assertThat(report.result(Check.VOUCHER_REGISTERED).detail()).contains("different document");
    }

    @Test
    void appendedBytesAreDetected() throws Exception {
        byte[] appended = Arrays.copyOf(receipt.pdf(), receipt.pdf().length + 20);
        System.arraycopy("\n% appended later\n".getBytes(StandardCharsets.US_ASCII), 0, appended, receipt.pdf().length, 18);
        VerificationReport report = ecBb.verifier().verify(appended);
        assertThat(report.failures()).contains(Check.DOCUMENT_COVERED);
        assertThat(report.result(Check.DOCUMENT_COVERED).detail()).contains("20 bytes were appended after the signed range");
        assertThat(report.result(Check.SIGNATURE_VALID).passed()).isTrue();
    }

    @Test
    void anIncrementalUpdateAfterSigningIsDetected() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(receipt.pdf())) {
            doc.getDocumentInformation().setTitle("已篡改");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }
        VerificationReport report = ecBb.verifier().verify(out.toByteArray());
        assertThat(report.result(Check.DOCUMENT_COVERED).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(report.result(Check.DOCUMENT_COVERED).detail()).contains("appended after the signed range");
    }

    @Test
    void aReplacedSignatureIsDetected() throws Exception {
        byte[] a = receipt.pdf();
        Cms ca = Cms.of(a);
        Cms cb = Cms.of(other.pdf());
        byte[] hex = Hex.encode(cb.cms.getEncoded("DER")).getBytes(StandardCharsets.US_ASCII);
        int gapStart = ca.byteRange[1] + 1;
        int gapLength = ca.byteRange[2] - ca.byteRange[1] - 2;
        assertThat(hex.length).isLessThanOrEqualTo(gapLength);
        byte[] swapped = a.clone();
        Arrays.fill(swapped, gapStart, gapStart + gapLength, (byte) '0');
        System.arraycopy(hex, 0, swapped, gapStart, hex.length);
        VerificationReport report = ecBb.verifier().verify(swapped);
        assertThat(report.result(Check.SIGNATURE_VALID).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(report.result(Check.SIGNATURE_VALID).detail()).contains("digest does not match");
    }

    @Test
    void aTimestampOfAnotherSignatureIsDetected() throws Exception {
        Receipt a = ecBt.service.issue(Fixtures.content("BIZ-T1"));
        Receipt b = ecBt.service.issue(Fixtures.content("BIZ-T2"));
        Cms ca = Cms.of(a.pdf());
        Cms cb = Cms.of(b.pdf());
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(cb.signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken));
        SignerInformation forged = SignerInformation.replaceUnsignedAttributes(ca.signer, new AttributeTable(v));
        CMSSignedData cms = CMSSignedData.replaceSigners(ca.cms, new SignerInformationStore(forged));
        byte[] hex = Hex.encode(cms.getEncoded("DER")).getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = a.pdf();
        int gapStart = ca.byteRange[1] + 1;
        Arrays.fill(pdf, gapStart, ca.byteRange[2] - 1, (byte) '0');
        System.arraycopy(hex, 0, pdf, gapStart, hex.length);
        VerificationReport report = Fixtures.verifierWithoutRegistry().verify(pdf);
        assertThat(report.result(Check.SIGNATURE_VALID).passed()).isTrue();
        assertThat(report.result(Check.TIMESTAMP_VALID).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(report.result(Check.TIMESTAMP_VALID).detail()).contains("imprint does not match the signature value");
    }

    @Test
    void anUnknownVoucherIsNamed() {
        VerificationReport report = ReceiptVerifier.builder().trustAnchors(Fixtures.pki().anchors()).clock(Fixtures.CLOCK)
                .voucherRegistry(new InMemoryVoucherRegistry()).build().verify(receipt.pdf());
        assertThat(report.failures()).containsExactly(Check.VOUCHER_REGISTERED);
        assertThat(report.result(Check.VOUCHER_REGISTERED).detail()).contains(receipt.voucher().format(), "not registered");
        assertThat(Fixtures.verifierWithoutRegistry().verify(receipt.pdf()).result(Check.VOUCHER_REGISTERED).status())
                .isEqualTo(CheckResult.Status.SKIPPED);
    }

    @Test
    void anUntrustedChainIsNamed() {
        TestPki.Authority stranger = TestPki.rootCa("stranger", TestPki.KeyType.EC_P256, Fixtures.NOW);
        VerificationReport report = ReceiptVerifier.builder().trustAnchors(List.of(stranger.certificate())).clock(Fixtures.CLOCK)
                .build().verify(receipt.pdf());
        assertThat(report.failures()).containsExactly(Check.CHAIN_TRUSTED);
        assertThat(report.result(Check.CHAIN_TRUSTED).detail()).contains("no trusted issuer");
    }

    @Test
    void anExpiredCertificateIsAcceptedOnlyWithATimestamp() {
        TestPki.Credential shortLived = Fixtures.pki().intermediate.signer("short-lived signer", TestPki.KeyType.EC_P256,
                Fixtures.NOW.minus(Duration.ofHours(1)), Fixtures.NOW.plus(Duration.ofDays(1)));
        SigningProvider p = SoftwareKeySigningProvider.of("short", shortLived.key(), shortLived.chainWithoutRoot());
        Clock later = Clock.fixed(Fixtures.NOW.plus(Duration.ofDays(30)), ZoneOffset.UTC);
        ReceiptVerifier verifier = ReceiptVerifier.builder().trustAnchors(Fixtures.pki().anchors()).clock(later).build();
        Receipt bb = new Fixtures.Setup(p, null).service.issue(Fixtures.content("BIZ-E1"));
        VerificationReport r1 = verifier.verify(bb.pdf());
        assertThat(r1.failures()).containsExactly(Check.CHAIN_TRUSTED);
        assertThat(r1.result(Check.CHAIN_TRUSTED).detail()).contains("expired");
        Receipt bt = new Fixtures.Setup(p, HttpTimestampClient.builder(tsa.uri()).build()).service.issue(Fixtures.content("BIZ-E2"));
        VerificationReport r2 = verifier.verify(bt.pdf());
        assertThat(r2.failures()).isEmpty();
        assertThat(r2.result(Check.CHAIN_TRUSTED).detail()).contains("at the time-stamp");
    }

    @Test
    void timestampRequirementAndTsaTrust() {
        ReceiptVerifier strict = ReceiptVerifier.builder().trustAnchors(Fixtures.pki().anchors()).clock(Fixtures.CLOCK).requireTimestamp(true).build();
        assertThat(strict.verify(receipt.pdf()).failures()).containsExactly(Check.TIMESTAMP_VALID);
        Receipt bt = ecBt.service.issue(Fixtures.content("BIZ-T3"));
        TestPki.Authority stranger = TestPki.rootCa("stranger TSA root", TestPki.KeyType.EC_P256, Fixtures.NOW);
        VerificationReport report = ReceiptVerifier.builder().trustAnchors(Fixtures.pki().anchors())
                .timestampTrustAnchors(List.of(stranger.certificate())).clock(Fixtures.CLOCK).build().verify(bt.pdf());
        assertThat(report.failures()).containsExactly(Check.TIMESTAMP_VALID);
        assertThat(report.result(Check.TIMESTAMP_VALID).detail()).contains("time-stamping authority not trusted");
    }

    @Test
    void sm2NeedsTheRightUserId() {
        Receipt r = new Fixtures.Setup(Fixtures.sm2Provider(), null).service.issue(Fixtures.content("BIZ-SM2"));
        VerificationReport report = ReceiptVerifier.builder().trustAnchors(Fixtures.pki().anchors()).clock(Fixtures.CLOCK)
                .sm2UserId("another-user-id").build().verify(r.pdf());
        assertThat(report.failures()).containsExactly(Check.SIGNATURE_VALID);
        assertThat(report.result(Check.SIGNATURE_VALID).detail()).contains("SM2 user ID another-user-id");
    }

    @Test
    void hostileInputGivesTypedExceptionsOrFailedChecks() {
        ReceiptVerifier verifier = ReceiptVerifier.builder().trustAnchors(Fixtures.pki().anchors()).clock(Fixtures.CLOCK)
                .voucherRegistry(ecBb.registry).maxBytes(1 << 20).build();
        assertThatThrownBy(() -> verifier.verify(new byte[0])).isInstanceOf(ReceiptException.class).hasMessageContaining("not a PDF");
        assertThatThrownBy(() -> verifier.verify("GIF89a not a pdf".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ReceiptException.class).hasMessageContaining("not a PDF");
        assertThatThrownBy(() -> verifier.verify(new byte[(1 << 20) + 1])).isInstanceOf(ReceiptException.class)
                .hasMessageContaining("exceeds the limit");
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, garbage, 0, 9);
        assertRejectedOrInvalid(verifier, garbage);
        byte[] pdf = receipt.pdf();
        for (int cut : new int[]{10, 1000, pdf.length / 2, pdf.length - 400, pdf.length - 1}) {
            assertRejectedOrInvalid(verifier, Arrays.copyOf(pdf, cut));
        }
    }

    @Test
    void aPdfWithoutSignatureFails() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION); // as receipts are written
        }
        VerificationReport report = ecBb.verifier().verify(out.toByteArray());
        assertThat(report.failures()).containsExactly(Check.SIGNATURE_VALID, Check.DOCUMENT_COVERED, Check.CHAIN_TRUSTED, Check.VOUCHER_REGISTERED);
        assertThat(report.result(Check.VOUCHER_REGISTERED).detail()).contains("no voucher number");
    }

    @Test
    void randomMutationsNeverPassNorCrash() {
        ReceiptVerifier verifier = ecBb.verifier();
        byte[] pdf = receipt.pdf();
        Random random = new Random(20261125);
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (int i = 0; i < 120; i++) {
                byte[] m = pdf.clone();
                int kind = i % 3;
                if (kind == 0) {
                    int pos = random.nextInt(m.length);
                    m[pos] = (byte) (m[pos] ^ (1 + random.nextInt(255)));
                } else if (kind == 1) {
                    m = Arrays.copyOf(m, random.nextInt(m.length));
                } else {
                    int pos = random.nextInt(m.length);
                    int len = 1 + random.nextInt(64);
                    byte[] junk = new byte[len];
                    random.nextBytes(junk);
                    byte[] n = new byte[m.length + len];
                    System.arraycopy(m, 0, n, 0, pos);
                    System.arraycopy(junk, 0, n, pos, len);
                    System.arraycopy(m, pos, n, pos + len, m.length - pos);
                    m = n;
                }
                assertRejectedOrInvalid(verifier, m);
            }
        });
    }

    private static void assertRejectedOrInvalid(ReceiptVerifier verifier, byte[] input) {
        try {
            VerificationReport report = verifier.verify(input);
            assertThat(report.valid()).as("mutated input must not verify: %s", report).isFalse();
        } catch (ReceiptException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
