package org.mianzheng.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mianzheng.seal.pades.HttpTimestampClient;
import org.mianzheng.seal.testkit.TestTimestampAuthority;

/**
 * Independent checks with tools that share no code with mianzheng: poppler's {@code pdfsig}, {@code qpdf --check}
 * and OpenSSL 3 for SM2. Each test skips, saying which package to install, only where its tool is absent.
 */
class ExternalToolsTest {
    static TestTimestampAuthority tsa;

    @BeforeAll
    static void start() throws IOException {
        tsa = TestTimestampAuthority.start(Fixtures.pki().tsa, Fixtures.CLOCK);
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    record Result(int exit, String output) {
    }

    static Result run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd[0] + " timed out");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static void require(String tool, String aptPackage) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            found |= Files.isExecutable(Path.of(dir, tool));
        }
        assumeTrue(found, tool + " not found: apt-get install " + aptPackage + " to run this independent check");
    }

    private static byte[] receipt(String kind, boolean bt) {
        Fixtures.Setup s = new Fixtures.Setup("RSA".equals(kind) ? Fixtures.rsaProvider() : "SM2".equals(kind) ? Fixtures.sm2Provider()
                : Fixtures.ecProvider(), bt ? HttpTimestampClient.builder(tsa.uri()).build() : null);
        return s.service.issue(Fixtures.content("BIZ-TOOL-" + kind)).pdf();
    }

    @ParameterizedTest(name = "pdfsig {0} {1}")
    @CsvSource({"RSA, B-B", "RSA, B-T", "EC, B-B", "EC, B-T"})
    void pdfsigValidatesRsaAndEcReceipts(String kind, String level, @TempDir Path dir) throws Exception {
        require("pdfsig", "poppler-utils");
        Path file = dir.resolve("receipt.pdf");
        Files.write(file, receipt(kind, level.equals("B-T")));
        Result r = run(dir, "pdfsig", file.toString());
        assertThat(r.output()).contains("Signature Validation: Signature is Valid.", "Total document signed",
                "Signature Type: ETSI.CAdES.detached");
    }

    @Test
    void pdfsigSeesATamperedReceipt(@TempDir Path dir) throws Exception {
        require("pdfsig", "poppler-utils");
        byte[] pdf = receipt("EC", false);
        String s = new String(pdf, StandardCharsets.ISO_8859_1).replace("<xmp:CreatorTool>mianzheng<", "<xmp:CreatorTool>Mianzheng<");
        Path file = dir.resolve("tampered.pdf");
        Files.write(file, s.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run(dir, "pdfsig", file.toString()).output()).doesNotContain("Signature is Valid.");
    }

    @ParameterizedTest(name = "qpdf --check {0} {1}")
    @CsvSource({"RSA, B-B", "EC, B-T", "SM2, B-B"})
    void qpdfFindsNoStructuralErrors(String kind, String level, @TempDir Path dir) throws Exception {
        require("qpdf", "qpdf");
        Path file = dir.resolve("receipt.pdf");
        Files.write(file, receipt(kind, level.equals("B-T")));
        Result r = run(dir, "qpdf", "--check", file.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("No syntax or stream encoding errors found").doesNotContain("WARNING");
    }

    @Test
    void openSslVerifiesTheSm2SignatureOverTheSignedAttributes(@TempDir Path dir) throws Exception {
        require("openssl", "openssl");
        Result version = run(dir, "openssl", "version");
        assumeTrue(version.output().startsWith("OpenSSL 3"), "OpenSSL 3 is needed for SM2 with a distinguishing ID, found " + version.output());
        Cms c = Cms.of(receipt("SM2", false));
        Files.write(dir.resolve("signedattrs.der"), c.signer.getEncodedSignedAttributes());
        Files.write(dir.resolve("sig.der"), c.signer.getSignature());
        Files.write(dir.resolve("content.bin"), c.signedContent);
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(Fixtures.pki().sm2.certificate().getPublicKey());
        }
        Files.writeString(dir.resolve("pub.pem"), w.toString());

        Result ok = run(dir, "openssl", "dgst", "-sm3", "-verify", "pub.pem", "-signature", "sig.der",
                "-sigopt", "distid:1234567812345678", "signedattrs.der");
        assertThat(ok.output()).contains("Verified OK");
        assertThat(ok.exit()).isZero();

        Result wrongId = run(dir, "openssl", "dgst", "-sm3", "-verify", "pub.pem", "-signature", "sig.der",
                "-sigopt", "distid:0000000000000000", "signedattrs.der");
        assertThat(wrongId.exit()).isNotZero();
        assertThat(wrongId.output()).contains("Verification failure");

        // the signed message digest is the SM3 of the ByteRange content, as OpenSSL computes it
        Result sm3 = run(dir, "openssl", "dgst", "-sm3", "-r", "content.bin");
        byte[] claimed = ASN1OctetString.getInstance(c.signer.getSignedAttributes().get(CMSAttributes.messageDigest)
                .getAttrValues().getObjectAt(0)).getOctets();
        assertThat(sm3.output().split(" ")[0]).isEqualTo(org.mianzheng.seal.internal.Hex.encode(claimed));
    }

    @Test
    void openSslReadsTheCmsStructure(@TempDir Path dir) throws Exception {
        require("openssl", "openssl");
        Cms c = Cms.of(receipt("EC", true));
        Files.write(dir.resolve("sig.p7s"), c.cms.getEncoded("DER"));
        Result r = run(dir, "openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", "sig.p7s");
        assertThat(r.exit()).as(r.output()).isZero();
        String out = r.output();
        String signedAttrs = out.substring(out.indexOf("signedAttrs:"), out.indexOf("unsignedAttrs:"));
        assertThat(signedAttrs).contains("id-smime-aa-signingCertificateV2", "messageDigest", "contentType").doesNotContain("signingTime");
        assertThat(out.substring(out.indexOf("unsignedAttrs:"))).contains("id-smime-aa-timeStampToken");
    }
}
