package org.mianzheng.seal.internal;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Offline certificate path validation from an end-entity certificate, through the certificates a signature carries,
 * to a configured trust anchor: issuer names, signatures (RSA, ECDSA, SM2), validity at a given time, CA basic
 * constraints and key usage, and the end entity's purpose. No revocation checking (offline).
 */
public final class CertPaths {
    /** Longest path considered. */
    public static final int MAX_DEPTH = 10;

    /** What the end-entity certificate must be fit for. */
    public enum Purpose {
        /** Signing documents: key usage digitalSignature or nonRepudiation, if key usage is present. */
        SIGNING,
        /** Time-stamping: extended key usage id-kp-timeStamping. */
        TIMESTAMPING
    }

    /**
     * Outcome.
     *
     * @param ok     whether a valid path to an anchor was found
     * @param detail what was found or what failed
     * @param path   the path, end entity first, anchor last (when ok)
     */
    public record Result(boolean ok, String detail, List<X509Certificate> path) {
    }

    private CertPaths() {
    }

    /**
     * @param leaf    the end-entity certificate
     * @param pool    other certificates to build the path from
     * @param anchors trust anchors
     * @param at      the time the path must be valid at
     * @param purpose what the end entity must be fit for
     * @return the outcome
     */
    public static Result validate(X509Certificate leaf, Collection<X509Certificate> pool, Collection<X509Certificate> anchors, Instant at,
                                  Purpose purpose) {
        if (anchors.isEmpty()) {
            return new Result(false, "no trust anchors configured", List.of());
        }
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        String problem = validity(leaf, at);
        if (problem != null) {
            return new Result(false, problem, path);
        }
        problem = purpose(leaf, purpose);
        if (problem != null) {
            return new Result(false, problem, path);
        }
        X509Certificate current = leaf;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            for (X509Certificate a : anchors) {
                if (a.equals(current)) {
                    return new Result(true, "trusted: " + subject(current) + " is a trust anchor", path);
                }
            }
            for (X509Certificate a : anchors) {
                if (a.getSubjectX500Principal().equals(current.getIssuerX500Principal()) && signedBy(current, a)) {
                    path.add(a);
                    return new Result(true, "chain of " + path.size() + " to trust anchor " + subject(a), path);
                }
            }
            X509Certificate next = null;
            for (X509Certificate c : pool) {
                if (!c.equals(current) && !path.contains(c) && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                        && signedBy(current, c)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return new Result(false, "no trusted issuer for " + subject(current) + " (issuer " + current.getIssuerX500Principal().getName()
                        + " is neither a trust anchor nor among the signature's certificates)", path);
            }
            if (next.getBasicConstraints() < 0) {
                return new Result(false, subject(next) + " issued a certificate but is not a CA", path);
            }
            boolean[] ku = next.getKeyUsage();
            if (ku != null && (ku.length < 6 || !ku[5])) {
                return new Result(false, subject(next) + " lacks the keyCertSign key usage", path);
            }
            problem = validity(next, at);
            if (problem != null) {
                return new Result(false, problem, path);
            }
            path.add(next);
            current = next;
        }
        return new Result(false, "no trust anchor within " + MAX_DEPTH + " certificates", path);
    }

    private static String validity(X509Certificate c, Instant at) {
        Date d = Date.from(at);
        if (d.before(c.getNotBefore())) {
            return subject(c) + " is not yet valid at " + at + " (from " + c.getNotBefore().toInstant() + ")";
        }
        if (d.after(c.getNotAfter())) {
            return subject(c) + " expired before " + at + " (until " + c.getNotAfter().toInstant() + ")";
        }
        return null;
    }

    private static String purpose(X509Certificate c, Purpose purpose) {
        if (purpose == Purpose.SIGNING) {
            boolean[] ku = c.getKeyUsage();
            if (ku != null && !(ku[0] || (ku.length > 1 && ku[1]))) {
                return subject(c) + " is not for signing (key usage lacks digitalSignature and nonRepudiation)";
            }
            return null;
        }
        try {
            List<String> eku = c.getExtendedKeyUsage();
            if (eku == null || !eku.contains("1.3.6.1.5.5.7.3.8")) {
                return subject(c) + " is not a time-stamping certificate (extended key usage lacks timeStamping)";
            }
            return null;
        } catch (CertificateParsingException e) {
            return subject(c) + " has an unreadable extended key usage";
        }
    }

    /**
     * @param cert   a certificate
     * @param issuer its supposed issuer
     * @return whether {@code issuer}'s key verifies {@code cert}'s signature
     */
    public static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            return new X509CertificateHolder(cert.getEncoded()).isSignatureValid(
                    new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(new X509CertificateHolder(issuer.getEncoded())));
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * @param c a certificate
     * @return its subject, RFC 2253
     */
    public static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }
}
