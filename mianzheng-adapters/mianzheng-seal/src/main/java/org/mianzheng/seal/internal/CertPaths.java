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
 * constraints (path length included) and key usage, critical extensions, and the end entity's purpose (key usage and,
 * when listed, extended key usage). The certificates a signature carries are not covered by it: at most
 * {@value #MAX_POOL} are read, and a key is checked for size ({@link #keyProblem}) before it is used. No revocation
 * checking (offline).
 */
public final class CertPaths {
    /** Longest path considered. */
    public static final int MAX_DEPTH = 10;
    /**
     * Most certificates a signature or time-stamp may carry: they are not covered by the signature, and each one whose
     * subject matches may cost a signature check.
     */
    public static final int MAX_POOL = 32;
    /** Largest RSA modulus accepted, in bits (a check's cost grows with it). */
    public static final int MAX_RSA_BITS = 8192;
    /** Largest RSA public exponent accepted, in bits (as the JDK: 64). */
    public static final int MAX_RSA_EXPONENT_BITS = 64;
    /** Largest elliptic-curve field accepted, in bits. */
    public static final int MAX_EC_FIELD_BITS = 571;
    /** Extended key usages fit for signing documents, when a certificate lists any. */
    private static final java.util.Set<String> SIGNING_EKU = java.util.Set.of(
            "2.5.29.37.0",               // anyExtendedKeyUsage
            "1.3.6.1.5.5.7.3.36",        // id-kp-documentSigning (RFC 9336)
            "1.3.6.1.5.5.7.3.4",         // id-kp-emailProtection (S/MIME, used for document signing by many CAs)
            "1.2.840.113583.1.1.5",      // Adobe Authentic Documents Trust
            "1.3.6.1.4.1.311.10.3.12");  // Microsoft document signing
    /**
     * Critical extensions understood here: key usage, basic constraints, extended key usage, subject alternative name,
     * and the policy extensions (policies, policy mappings, policy constraints, inhibit any policy: policies are not
     * required, so they cannot make a path acceptable that would not be).
     * Any other critical extension (name constraints, for one) makes the certificate unacceptable.
     */
    private static final java.util.Set<String> KNOWN_CRITICAL = java.util.Set.of("2.5.29.15", "2.5.29.19", "2.5.29.37", "2.5.29.17",
            "2.5.29.32", "2.5.29.33", "2.5.29.36", "2.5.29.54");

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
        if (pool.size() > MAX_POOL) {
            return new Result(false, "the signature carries " + pool.size() + " certificates; at most " + MAX_POOL + " are read", path);
        }
        String problem = validity(leaf, at);
        if (problem == null) {
            problem = unknownCritical(leaf);
        }
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
                    // CA certificates below the anchor, the end entity not counted; an anchor without basic
                    // constraints (a version 1 root) sets no limit
                    if (a.getBasicConstraints() >= 0 && a.getBasicConstraints() < path.size() - 1) {
                        return new Result(false, "trust anchor " + subject(a) + " allows " + a.getBasicConstraints()
                                + " CA certificates below it (pathLenConstraint); the path has " + (path.size() - 1), path);
                    }
                    path.add(a);
                    return new Result(true, "chain of " + path.size() + " to trust anchor " + subject(a), path);
                }
            }
            X509Certificate next = null;
            String refusedKey = null;
            for (X509Certificate c : pool) {
                if (c.equals(current) || path.contains(c) || !c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    continue;
                }
                // the key is checked before it is used: a certificate the signature carries is the attacker's choice
                String key = keyProblem(c);
                if (key != null) {
                    refusedKey = key;
                } else if (signedBy(current, c)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return new Result(false, "no trusted issuer for " + subject(current) + " (issuer " + current.getIssuerX500Principal().getName()
                        + " is neither a trust anchor nor among the signature's certificates" + (refusedKey == null ? "" : "; " + refusedKey)
                        + ")", path);
            }
            if (next.getBasicConstraints() < 0) {
                return new Result(false, subject(next) + " issued a certificate but is not a CA", path);
            }
            if (next.getBasicConstraints() < path.size() - 1) {
                return new Result(false, subject(next) + " allows " + next.getBasicConstraints()
                        + " CA certificates below it (pathLenConstraint); the path has " + (path.size() - 1), path);
            }
            problem = unknownCritical(next);
            if (problem != null) {
                return new Result(false, problem, path);
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

    private static String unknownCritical(X509Certificate c) {
        java.util.Set<String> critical = c.getCriticalExtensionOIDs();
        if (critical != null) {
            for (String oid : critical) {
                if (!KNOWN_CRITICAL.contains(oid)) {
                    return subject(c) + " has a critical extension " + oid + " that is not supported";
                }
            }
        }
        return null;
    }

    /**
     * Whether a public key can be used for a signature check at a bounded cost: RSA moduli up to {@value #MAX_RSA_BITS}
     * bits with exponents up to {@value #MAX_RSA_EXPONENT_BITS} bits, elliptic curves over fields up to
     * {@value #MAX_EC_FIELD_BITS} bits (SM2 included). Any other key type is refused.
     *
     * @param c a certificate
     * @return why its key is refused, or {@code null}
     */
    public static String keyProblem(X509Certificate c) {
        java.security.PublicKey k;
        try {
            k = c.getPublicKey();
        } catch (RuntimeException e) {
            return subject(c) + " has a key that cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        if (k instanceof java.security.interfaces.RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() > MAX_RSA_BITS) {
                return subject(c) + " has an RSA key of " + rsa.getModulus().bitLength() + " bits; at most " + MAX_RSA_BITS + " are accepted";
            }
            if (rsa.getPublicExponent().bitLength() > MAX_RSA_EXPONENT_BITS) {
                return subject(c) + " has an RSA public exponent of " + rsa.getPublicExponent().bitLength() + " bits; at most "
                        + MAX_RSA_EXPONENT_BITS + " are accepted";
            }
            return null;
        }
        if (k instanceof java.security.interfaces.ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits > MAX_EC_FIELD_BITS ? subject(c) + " has an elliptic-curve key over a field of " + bits + " bits; at most "
                    + MAX_EC_FIELD_BITS + " are accepted" : null;
        }
        return subject(c) + " has a " + k.getAlgorithm() + " key, which is not supported";
    }

    private static String purpose(X509Certificate c, Purpose purpose) {
        if (purpose == Purpose.SIGNING) {
            boolean[] ku = c.getKeyUsage();
            if (ku != null && !(ku[0] || (ku.length > 1 && ku[1]))) {
                return subject(c) + " is not for signing (key usage lacks digitalSignature and nonRepudiation)";
            }
            try {
                List<String> eku = c.getExtendedKeyUsage();
                if (eku != null && eku.stream().noneMatch(SIGNING_EKU::contains)) {
                    return subject(c) + " is not for signing documents (extended key usage " + eku + " lists no document-signing purpose)";
                }
            } catch (CertificateParsingException e) {
                return subject(c) + " has an unreadable extended key usage";
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
