package org.mianzheng.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.ReceiptException;
import org.mianzheng.seal.internal.Bc;
import org.mianzheng.seal.internal.CertPaths;
import org.mianzheng.seal.pades.PadesSigner;
import org.mianzheng.seal.signing.SoftwareKeySigningProvider;
import org.mianzheng.seal.testkit.TestPki;
import org.mianzheng.seal.verify.Check;
import org.mianzheng.seal.verify.CheckResult;
import org.mianzheng.seal.verify.ReceiptVerifier;
import org.mianzheng.seal.verify.VerificationReport;

/**
 * Documents made to hurt the verifier: compressed structures the parser would expand whole, certificates whose keys
 * cost a signature check without bound, and certificates that a trust anchor vouches for but that are not fit to sign
 * receipts.
 */
class HostileSignatureTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate issued (and signed) with {@code issuerKey}; {@code caPathLen} null for an end entity, -1 for a CA without limit. */
    private static X509Certificate certificate(String subject, String issuer, SubjectPublicKeyInfo key, PrivateKey issuerKey, Integer caPathLen)
            throws Exception {
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(new X500Name(issuer), new BigInteger(64, RANDOM),
                Date.from(Fixtures.NOW.minus(Duration.ofDays(1))), Date.from(Fixtures.NOW.plus(Duration.ofDays(30))), new X500Name(subject), key);
        if (caPathLen != null) {
            b.addExtension(Extension.basicConstraints, true, caPathLen < 0 ? new BasicConstraints(true) : new BasicConstraints(caPathLen));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        }
        String alg = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(b.build(new JcaContentSignerBuilder(alg)
                .setProvider(Bc.PROVIDER).build(issuerKey)));
    }

    private static SubjectPublicKeyInfo keyInfo(KeyPair k) {
        return SubjectPublicKeyInfo.getInstance(k.getPublic().getEncoded());
    }

    private static SubjectPublicKeyInfo rsaKey(BigInteger modulus, BigInteger exponent) throws Exception {
        return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(modulus, exponent));
    }

    private static byte[] onePage(CompressParameters compression) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument d = new PDDocument()) {
            d.addPage(new PDPage());
            d.save(out, compression);
        }
        return out.toByteArray();
    }

    @Test
    void crossReferenceAndObjectStreamsAreRefusedBeforeTheParserExpandsThem() throws Exception {
        ReceiptVerifier verifier = Fixtures.verifierWithoutRegistry();
        byte[] compressed = onePage(CompressParameters.DEFAULT_COMPRESSION); // object streams and a cross-reference stream
        assertThatThrownBy(() -> verifier.verify(compressed)).isInstanceOf(ReceiptException.class)
                .hasMessageContaining("classic cross-reference tables");
        // a cross-reference stream whose data would expand far (its Length is what the parser trusts), its type escaped
        String xrefStream = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\n"
                + "endobj\n3 0 obj\n<< /Type /X#52ef /Size 4 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length 2 >>\nstream\nxx\n"
                + "endstream\nendobj\nstartxref\n116\n%%EOF\n";
        assertThatThrownBy(() -> verifier.verify(xrefStream.getBytes(StandardCharsets.US_ASCII))).isInstanceOf(ReceiptException.class)
                .hasMessageContaining("a cross-reference stream (/XRef)");
        // the receipts themselves are written without either, and pass
        Fixtures.Setup s = new Fixtures.Setup(Fixtures.ecProvider(), null);
        assertThat(s.verifier().verify(s.service.issue(Fixtures.content("BIZ-CLASSIC")).pdf()).valid()).isTrue();
    }

    @Test
    void keysWhoseCheckWouldCostWithoutBoundAreNotUsed() throws Exception {
        KeyPair real = TestPki.generate(TestPki.KeyType.RSA_2048);
        BigInteger modulus = ((java.security.interfaces.RSAPublicKey) real.getPublic()).getModulus();
        KeyPair issuer = TestPki.generate(TestPki.KeyType.EC_P256);
        X509Certificate hugeExponent = certificate("CN=pool", "CN=x", rsaKey(modulus, new BigInteger(4000, RANDOM).setBit(3999).setBit(0)),
                issuer.getPrivate(), -1);
        assertThat(CertPaths.keyProblem(hugeExponent)).contains("RSA public exponent of 4000 bits");
        X509Certificate hugeModulus = certificate("CN=pool", "CN=x", rsaKey(new BigInteger(8200, RANDOM).setBit(8199).setBit(0),
                BigInteger.valueOf(65537)), issuer.getPrivate(), -1);
        assertThat(CertPaths.keyProblem(hugeModulus)).isNotNull();
        assertThat(CertPaths.keyProblem(Fixtures.pki().rsa.certificate())).isNull();
        assertThat(CertPaths.keyProblem(Fixtures.pki().sm2.certificate())).isNull();

        // a signed document whose CMS carries such a certificate as the leaf's supposed issuer: it is passed over unused
        KeyPair leafKey = TestPki.generate(TestPki.KeyType.EC_P256);
        X509Certificate leaf = certificate("CN=attacker", "CN=pool", keyInfo(leafKey), real.getPrivate(), null);
        byte[] hostile = PadesSigner.builder(SoftwareKeySigningProvider.of("attacker", leafKey.getPrivate(), List.of(leaf, hugeExponent)))
                .clock(Fixtures.CLOCK).build().sign(onePage(CompressParameters.NO_COMPRESSION), null, null);
        VerificationReport report = Fixtures.verifierWithoutRegistry().verify(hostile);
        assertThat(report.result(Check.CHAIN_TRUSTED).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(report.result(Check.CHAIN_TRUSTED).detail()).contains("RSA public exponent of 4000 bits");

        // and a CMS carrying more certificates than are read
        List<X509Certificate> many = new ArrayList<>(List.of(leaf));
        for (int i = 0; i < CertPaths.MAX_POOL; i++) {
            many.add(certificate("CN=pool " + i, "CN=x", keyInfo(issuer), issuer.getPrivate(), -1));
        }
        byte[] crowded = PadesSigner.builder(SoftwareKeySigningProvider.of("attacker", leafKey.getPrivate(), many)).clock(Fixtures.CLOCK)
                .build().sign(onePage(CompressParameters.NO_COMPRESSION), null, null);
        assertThat(Fixtures.verifierWithoutRegistry().verify(crowded).result(Check.SIGNATURE_VALID).detail())
                .contains("carries " + (CertPaths.MAX_POOL + 1) + " certificates; at most " + CertPaths.MAX_POOL);
    }

    @Test
    void aTimeStampingCertificateDoesNotSignReceipts() {
        TestPki.Credential tsa = Fixtures.pki().tsa; // under the same root as the signers, extended key usage timeStamping only
        Fixtures.Setup s = new Fixtures.Setup(SoftwareKeySigningProvider.of("tsa-key", tsa.key(), tsa.chainWithoutRoot()), null);
        VerificationReport report = s.verifier().verify(s.service.issue(Fixtures.content("BIZ-EKU")).pdf());
        assertThat(report.valid()).isFalse();
        assertThat(report.result(Check.CHAIN_TRUSTED).detail()).contains("is not for signing documents").contains("1.3.6.1.5.5.7.3.8");
    }

    @Test
    void aPathLongerThanAnIssuerAllowsIsNotTrusted() throws Exception {
        KeyPair rootKey = TestPki.generate(TestPki.KeyType.EC_P256);
        KeyPair subKey = TestPki.generate(TestPki.KeyType.EC_P256);
        KeyPair leafKey = TestPki.generate(TestPki.KeyType.EC_P256);
        X509Certificate root = certificate("CN=root pathLen 0", "CN=root pathLen 0", keyInfo(rootKey), rootKey.getPrivate(), 0);
        X509Certificate sub = certificate("CN=sub CA", "CN=root pathLen 0", keyInfo(subKey), rootKey.getPrivate(), -1);
        X509Certificate leaf = certificate("CN=leaf", "CN=sub CA", keyInfo(leafKey), subKey.getPrivate(), null);
        Fixtures.Setup s = new Fixtures.Setup(SoftwareKeySigningProvider.of("deep", leafKey.getPrivate(), List.of(leaf, sub)), null);
        byte[] pdf = s.service.issue(Fixtures.content("BIZ-PATHLEN")).pdf();
        CheckResult chain = ReceiptVerifier.builder().trustAnchors(List.of(root)).clock(Fixtures.CLOCK).build().verify(pdf)
                .result(Check.CHAIN_TRUSTED);
        assertThat(chain.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(chain.detail()).contains("allows 0 CA certificates below it (pathLenConstraint); the path has 1");

        // the same chain under a root that allows one CA below it is trusted
        X509Certificate root1 = certificate("CN=root pathLen 0", "CN=root pathLen 0", keyInfo(rootKey), rootKey.getPrivate(), 1);
        assertThat(ReceiptVerifier.builder().trustAnchors(List.of(root1)).clock(Fixtures.CLOCK).build().verify(pdf)
                .result(Check.CHAIN_TRUSTED).status()).isEqualTo(CheckResult.Status.PASSED);
    }

    @Test
    void criticalExtensionsNotEnforcedFailThePathWhilePolicyOnesPass() throws Exception {
        KeyPair caKey = TestPki.generate(TestPki.KeyType.EC_P256);
        X509Certificate leaf = Fixtures.pki().ec.certificate();
        // a CA under no anchor of ours is enough: the extension is judged before the path reaches one
        for (String[] c : new String[][] {{"2.5.29.30", "is not supported"}, {"2.5.29.33", "no trusted issuer"}}) {
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(new X500Name(leaf.getIssuerX500Principal().getName()), BigInteger.TEN,
                    Date.from(Fixtures.NOW.minus(Duration.ofDays(1))), Date.from(Fixtures.NOW.plus(Duration.ofDays(30))),
                    new X500Name(leaf.getIssuerX500Principal().getName()), keyInfo(caKey));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier(c[0]), true, org.bouncycastle.asn1.DERNull.INSTANCE);
            X509Certificate ca = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(b.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Bc.PROVIDER).build(caKey.getPrivate())));
            CertPaths.Result r = CertPaths.validate(ca, List.of(), List.of(Fixtures.pki().root.certificate()), Fixtures.NOW,
                    CertPaths.Purpose.SIGNING);
            assertThat(r.ok()).isFalse();
            assertThat(r.detail()).as(c[0]).contains(c[1]);
        }
    }
}
