package org.mianzheng.examples;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.mianzheng.seal.verify.CheckResult;
import org.mianzheng.seal.verify.ReceiptVerifier;
import org.mianzheng.seal.verify.VerificationReport;

/**
 * Verifies a receipt offline from the command line: signature, whole-document coverage, certificate chain to the
 * given trust anchors, timestamp. (The voucher check needs the issuing system's registry and is reported as skipped.)
 *
 * <pre>
 * java -cp examples/target/mianzheng-examples.jar org.mianzheng.examples.VerifyReceiptExample \
 *      mianzheng-output/receipts/WHMZ….pdf mianzheng-output/receipts/trust-anchor.pem
 * </pre>
 * Exit code 0 when every applicable check passed, 1 when one failed, 2 on bad arguments.
 */
public final class VerifyReceiptExample {
    private VerifyReceiptExample() {
    }

    /** @param args the receipt PDF and a PEM file of trust anchors */
    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8)));
    }

    /**
     * @param args receipt and trust anchors
     * @param out  where to print
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out) {
        if (args.length != 2) {
            out.println("usage: VerifyReceiptExample <receipt.pdf> <trust-anchors.pem>");
            return 2;
        }
        try {
            byte[] pdf = Files.readAllBytes(Path.of(args[0]));
            List<X509Certificate> anchors = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[1]))))) {
                anchors.add((X509Certificate) c);
            }
            VerificationReport report = ReceiptVerifier.builder().trustAnchors(anchors).timestampTrustAnchors(anchors).build().verify(pdf);
            report.voucher().ifPresent(v -> out.println("voucher: " + v.format()));
            report.signer().ifPresent(s -> out.println("signer:  " + s));
            report.timestampTime().ifPresent(t -> out.println("timestamp: " + t));
            for (CheckResult r : report.checks()) {
                out.printf("%-8s %-22s %s%n", r.status(), r.check(), r.detail());
            }
            out.println(report.valid() ? "RECEIPT VALID" : "RECEIPT NOT VALID: " + report.failures());
            return report.valid() ? 0 : 1;
        } catch (java.io.IOException | java.security.cert.CertificateException e) {
            out.println("cannot read input: " + e.getMessage());
            return 2;
        } catch (org.mianzheng.api.MianzhengException e) {
            out.println("not a receipt this verifier can read: " + e.getMessage());
            return 1;
        }
    }
}
