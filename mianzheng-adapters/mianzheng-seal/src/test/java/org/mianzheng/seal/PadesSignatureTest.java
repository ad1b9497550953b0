package org.mianzheng.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.ReceiptException;
import org.mianzheng.api.SealProfile;
import org.mianzheng.api.SigningException;
import org.mianzheng.api.VoucherNumber;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.internal.Digests;
import org.mianzheng.seal.pades.HttpTimestampClient;
import org.mianzheng.seal.pades.PadesLevel;
import org.mianzheng.seal.pades.PadesSigner;
import org.mianzheng.seal.signing.SoftwareKeySigningProvider;
import org.mianzheng.seal.testkit.TestPki;
import org.mianzheng.seal.testkit.TestTimestampAuthority;
import org.mianzheng.seal.verify.ReceiptVerifier;
import org.mianzheng.seal.verify.VerificationReport;

/** PAdES B-B/B-T structure, /Contents reservation, and guarding of misbehaving providers. */
class PadesSignatureTest {
    static TestTimestampAuthority tsa;
    static byte[] unsigned;

    @BeforeAll
    static void start() throws Exception {
        tsa = TestTimestampAuthority.start(Fixtures.pki().tsa, Fixtures.CLOCK);
        SealArtwork art = new SealRegistry(op -> false, new SealRenderer(ReceiptFont.bundled())).artwork(SealProfile.DEFAULT_ID);
        unsigned = ReceiptDocument.render(Fixtures.content("BIZ-P"), VoucherNumber.of("WH", LocalDate.of(2026, 11, 25), 1), Fixtures.NOW,
                ZoneId.of("Asia/Shanghai"), art, ReceiptFont.bundled());
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    @Test
    void baselineBHasCadesDetachedWithSigningCertificateV2AndNoSigningTime() throws Exception {
        PadesSigner signer = PadesSigner.builder(Fixtures.ecProvider()).clock(Fixtures.CLOCK).build();
        assertThat(signer.level()).isEqualTo(PadesLevel.B_B);
        byte[] pdf = signer.sign(unsigned, "reason", "location");
        Cms c = Cms.of(pdf);
        assertThat(c.signature.getFilter()).isEqualTo("Adobe.PPKLite");
        assertThat(c.signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(c.signature.getSignDate().toInstant()).isEqualTo(Fixtures.NOW);
        assertThat(c.cms.isDetachedSignature()).isTrue();
        AttributeTable signed = c.signer.getSignedAttributes();
        assertThat(signed.get(CMSAttributes.contentType)).isNotNull();
        assertThat(signed.get(CMSAttributes.messageDigest)).isNotNull();
        assertThat(signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        assertThat(signed.get(CMSAttributes.signingTime)).isNull();
        assertThat(c.signer.getUnsignedAttributes()).isNull();
        assertThat(c.byteRange[0]).isZero();
        assertThat((long) c.byteRange[2] + c.byteRange[3]).isEqualTo(pdf.length);
        assertThat(java.util.Arrays.copyOf(pdf, unsigned.length)).as("an incremental update of the unsigned receipt").isEqualTo(unsigned);
    }

    @Test
    void baselineTCarriesATimestampOverTheSignatureValue() throws Exception {
        PadesSigner signer = PadesSigner.builder(Fixtures.ecProvider()).clock(Fixtures.CLOCK)
                .timestampClient(HttpTimestampClient.builder(tsa.uri()).build()).build();
        assertThat(signer.level()).isEqualTo(PadesLevel.B_T);
        Cms c = Cms.of(signer.sign(unsigned, null, null));
        AttributeTable unsignedAttrs = c.signer.getUnsignedAttributes();
        TimeStampToken token = new TimeStampToken(new CMSSignedData(
                unsignedAttrs.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(Digests.sha256(c.signer.getSignature()));
        assertThat(c.signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
    }

    @Test
    void sm2UsesSm3Digest() throws Exception {
        Cms c = Cms.of(PadesSigner.builder(Fixtures.sm2Provider()).clock(Fixtures.CLOCK).build().sign(unsigned, null, null));
        assertThat(c.signer.getDigestAlgOID()).isEqualTo(SignatureAlgorithm.SM3_WITH_SM2.digestOid());
        assertThat(c.signer.getEncryptionAlgOID()).isEqualTo(SignatureAlgorithm.SM3_WITH_SM2.oid());
    }

    @Test
    void reservedRoomFitsALongChainAndATimestamp() throws Exception {
        TestPki.Authority ca = TestPki.rootCa("long chain root", TestPki.KeyType.RSA_2048, Fixtures.NOW);
        for (int i = 1; i <= 6; i++) {
            ca = ca.intermediate("乌海市政务服务电子认证中间证书颁发机构 第" + i + "级 (long chain test intermediate number " + i + ")",
                    TestPki.KeyType.RSA_2048);
        }
        TestPki.Credential leaf = ca.signer("乌海市行政审批和政务服务局 核验专用章 RSA 4096", TestPki.KeyType.RSA_4096);
        TestPki.Authority tsaCa = TestPki.rootCa("long chain TSA root", TestPki.KeyType.EC_P256, Fixtures.NOW);
        for (int i = 1; i <= 5; i++) {
            tsaCa = tsaCa.intermediate("time-stamping intermediate CA number " + i + " of the long chain test", TestPki.KeyType.EC_P256);
        }
        TestPki.Credential tsaCred = tsaCa.timestampAuthority("long chain TSA", TestPki.KeyType.RSA_3072);
        SigningProvider provider = SoftwareKeySigningProvider.of("long", leaf.key(), leaf.chainWithoutRoot());
        try (TestTimestampAuthority longTsa = TestTimestampAuthority.start(tsaCred, Fixtures.CLOCK)) {
            PadesSigner signer = PadesSigner.builder(provider).clock(Fixtures.CLOCK)
                    .timestampClient(HttpTimestampClient.builder(longTsa.uri()).build()).build();
            int reserved = signer.reservedSize();
            byte[] pdf = signer.sign(unsigned, null, null);
            Cms c = Cms.of(pdf);
            assertThat(c.reservedBytes()).isEqualTo(reserved);
            int cmsLength = c.cms.getEncoded("DER").length;
            assertThat(cmsLength).isGreaterThan(12_000).isLessThanOrEqualTo(reserved);
            assertThat(reserved - cmsLength).as("reservation is computed, not guessed huge").isLessThan(4096);
            VerificationReport report = ReceiptVerifier.builder().trustAnchors(List.of(leaf.root()))
                    .timestampTrustAnchors(List.of(tsaCred.root())).clock(Fixtures.CLOCK).build().verify(pdf);
            assertThat(report.failures()).as(report.toString()).isEmpty();
        }
    }

    @Test
    void aTsaWhoseTokensGrowIsHandledBySigningAgainWithTheExactSize() throws Exception {
        try (TestTimestampAuthority growing = TestTimestampAuthority.start(Fixtures.pki().tsa, Fixtures.CLOCK)) {
            HttpTimestampClient client = HttpTimestampClient.builder(growing.uri()).build();
            PadesSigner signer = PadesSigner.builder(Fixtures.ecProvider()).clock(Fixtures.CLOCK).timestampClient(client).build();
            int reserved = signer.reservedSize();
            List<X509Certificate> padding = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                padding.add(Fixtures.pki().rsa.certificate());
                padding.add(Fixtures.pki().intermediate.certificate());
            }
            growing.setExtraCertificates(padding);
            byte[] pdf = signer.sign(unsigned, null, null);
            Cms c = Cms.of(pdf);
            assertThat(c.reservedBytes()).isGreaterThan(reserved);
            assertThat(Fixtures.verifierWithoutRegistry().verify(pdf).failures()).isEmpty();
        }
    }

    @Test
    void misbehavingProvidersAreNamedInSigningExceptions() {
        SigningProvider good = Fixtures.ecProvider();
        assertThatThrownBy(() -> PadesSigner.builder(new Delegating(good) {
            @Override
            public byte[] sign(byte[] tbs) {
                return null;
            }
        }).build().sign(unsigned, null, null)).isInstanceOf(SigningException.class).hasMessageContaining("returned null")
                .satisfies(e -> assertThat(((SigningException) e).providerId()).isEqualTo("ec"));
        assertThatThrownBy(() -> PadesSigner.builder(new Delegating(good) {
            @Override
            public byte[] sign(byte[] tbs) {
                throw new IllegalStateException("hsm on fire");
            }
        }).build().sign(unsigned, null, null)).isInstanceOf(SigningException.class).hasMessageContaining("IllegalStateException");
        assertThatThrownBy(() -> PadesSigner.builder(new Delegating(good) {
            @Override
            public byte[] sign(byte[] tbs) {
                return good.sign("something else".getBytes());
            }
        }).build().sign(unsigned, null, null)).isInstanceOf(SigningException.class).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> PadesSigner.builder(new Delegating(good) {
            @Override
            public SignatureAlgorithm algorithm() {
                return SignatureAlgorithm.SHA256_WITH_RSA;
            }
        }).build()).isInstanceOf(SigningException.class).hasMessageContaining("claims SHA256_WITH_RSA");
    }

    @Test
    void inputThatIsNotAPdfIsRefused() {
        PadesSigner signer = PadesSigner.builder(Fixtures.ecProvider()).build();
        assertThatThrownBy(() -> signer.sign("hello".getBytes(), null, null)).isInstanceOf(ReceiptException.class)
                .hasMessageContaining("not a readable PDF");
    }

    /** Forwards to another provider; tests override one method to misbehave. */
    private static class Delegating implements SigningProvider {
        private final SigningProvider d;

        Delegating(SigningProvider d) {
            this.d = d;
        }

        @Override
        public String id() {
            return d.id();
        }

        @Override
        public SignatureAlgorithm algorithm() {
            return d.algorithm();
        }

        @Override
        public List<X509Certificate> certificateChain() {
            return d.certificateChain();
        }

        @Override
        public byte[] sign(byte[] toBeSigned) {
            return d.sign(toBeSigned);
        }
    }
}
