package org.mianzheng.seal.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.mianzheng.api.SigningException;
import org.mianzheng.api.spi.SignatureAlgorithm;

/** Key checks and JCA signatures for the three receipt algorithms. */
public final class SignatureSupport {
    /** NIST P-256. */
    public static final String OID_P256 = "1.2.840.10045.3.1.7";
    /** The SM2 curve (sm2p256v1). */
    public static final String OID_SM2_CURVE = "1.2.156.10197.1.301";
    /** Smallest RSA modulus accepted. */
    public static final int MIN_RSA_BITS = 2048;

    private SignatureSupport() {
    }

    /**
     * @param key a public key
     * @return the named curve OID of an EC key, or {@code null} for other keys or explicit parameters
     */
    public static String curveOid(PublicKey key) {
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            if (spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier) {
                return ((ASN1ObjectIdentifier) spki.getAlgorithm().getParameters()).getId();
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The algorithm a receipt signature with this key uses.
     *
     * @param key        the signer's public key
     * @param providerId for messages
     * @return RSA → {@link SignatureAlgorithm#SHA256_WITH_RSA}; EC P-256 → {@link SignatureAlgorithm#SHA256_WITH_ECDSA};
     *         EC on the SM2 curve → {@link SignatureAlgorithm#SM3_WITH_SM2}
     * @throws SigningException for any other key, or an RSA key shorter than 2048 bits
     */
    public static SignatureAlgorithm algorithmFor(PublicKey key, String providerId) {
        if (key == null) {
            throw new SigningException(providerId, "no public key");
        }
        String alg = key.getAlgorithm();
        if ("RSA".equals(alg)) {
            int bits = ((RSAPublicKey) toStandard(key, providerId)).getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new SigningException(providerId, "RSA key of " + bits + " bits is too short; at least " + MIN_RSA_BITS + " required");
            }
            return SignatureAlgorithm.SHA256_WITH_RSA;
        }
        String curve = curveOid(key);
        if (OID_P256.equals(curve)) {
            return SignatureAlgorithm.SHA256_WITH_ECDSA;
        }
        if (OID_SM2_CURVE.equals(curve)) {
            return SignatureAlgorithm.SM3_WITH_SM2;
        }
        throw new SigningException(providerId, "unsupported key (" + alg + (curve == null ? "" : ", curve " + curve)
                + "); supported: RSA >= 2048 bits, ECDSA P-256, SM2");
    }

    private static PublicKey toStandard(PublicKey key, String providerId) {
        if (key instanceof RSAPublicKey) {
            return key;
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new SigningException(providerId, "unreadable RSA public key", e);
        }
    }

    /**
     * @param algorithm the algorithm
     * @param key       the signer's public key
     * @return the longest signature the key can produce, in bytes
     */
    public static int maxSignatureLength(SignatureAlgorithm algorithm, PublicKey key) {
        if (algorithm == SignatureAlgorithm.SHA256_WITH_RSA) {
            return (((RSAPublicKey) toStandard(key, null)).getModulus().bitLength() + 7) / 8;
        }
        // DER SEQUENCE { INTEGER r, INTEGER s } for a 256-bit curve: 2 + 2 * (2 + 33)
        return 72;
    }

    /**
     * Converts a public key once into the form the verifying provider works with fastest: BouncyCastle keys for
     * ECDSA and SM2 (BouncyCastle's P-256 arithmetic outpaces the JDK 17 one), the key itself for RSA.
     *
     * @param algorithm the algorithm
     * @param key       a public key from any provider
     * @return a key the verifying provider accepts
     * @throws GeneralSecurityException if the key cannot be converted
     */
    public static PublicKey forVerification(SignatureAlgorithm algorithm, PublicKey key) throws GeneralSecurityException {
        if (algorithm != SignatureAlgorithm.SHA256_WITH_RSA && !(key instanceof org.bouncycastle.jce.interfaces.ECPublicKey)) {
            return KeyFactory.getInstance("EC", Bc.PROVIDER).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        }
        return key;
    }

    /**
     * Converts a software private key once for {@link #signer}: ECDSA and SM2 keys to BouncyCastle keys.
     *
     * @param algorithm the algorithm
     * @param key       an extractable private key
     * @return the key to sign with
     * @throws GeneralSecurityException if the key cannot be converted
     */
    public static PrivateKey forSigning(SignatureAlgorithm algorithm, PrivateKey key) throws GeneralSecurityException {
        if (algorithm != SignatureAlgorithm.SHA256_WITH_RSA && key.getEncoded() != null
                && !(key instanceof org.bouncycastle.jce.interfaces.ECPrivateKey)) {
            return KeyFactory.getInstance("EC", Bc.PROVIDER).generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key.getEncoded()));
        }
        return key;
    }

    /**
     * @param algorithm  the algorithm
     * @param key        the private key
     * @param sm2UserId  the SM2 user ID (used for SM2 only)
     * @param jcaProvider provider for RSA/ECDSA, or {@code null} for the JDK default
     * @return an initialised signature
     * @throws GeneralSecurityException if the key does not fit
     */
    public static Signature signer(SignatureAlgorithm algorithm, PrivateKey key, String sm2UserId, java.security.Provider jcaProvider)
            throws GeneralSecurityException {
        Signature s;
        if (algorithm == SignatureAlgorithm.SM3_WITH_SM2) {
            s = Signature.getInstance(algorithm.jcaName(), Bc.PROVIDER);
            s.setParameter(new SM2ParameterSpec(sm2UserId.getBytes(StandardCharsets.UTF_8)));
        } else if (jcaProvider != null) {
            s = Signature.getInstance(algorithm.jcaName(), jcaProvider);
        } else if (algorithm == SignatureAlgorithm.SHA256_WITH_ECDSA) {
            s = Signature.getInstance(algorithm.jcaName(), Bc.PROVIDER);
        } else {
            s = Signature.getInstance(algorithm.jcaName());
        }
        s.initSign(key);
        return s;
    }

    /**
     * @param algorithm the algorithm
     * @param key       the public key
     * @param sm2UserId the SM2 user ID (used for SM2 only)
     * @param data      signed bytes
     * @param signature the signature
     * @return whether it verifies; {@code false} also for malformed signatures
     */
    public static boolean verify(SignatureAlgorithm algorithm, PublicKey key, String sm2UserId, byte[] data, byte[] signature) {
        try {
            Signature s;
            if (algorithm == SignatureAlgorithm.SM3_WITH_SM2) {
                s = Signature.getInstance(algorithm.jcaName(), Bc.PROVIDER);
                s.setParameter(new SM2ParameterSpec(sm2UserId.getBytes(StandardCharsets.UTF_8)));
            } else if (algorithm == SignatureAlgorithm.SHA256_WITH_ECDSA) {
                s = Signature.getInstance(algorithm.jcaName(), Bc.PROVIDER);
            } else {
                s = Signature.getInstance(algorithm.jcaName());
            }
            s.initVerify(forVerification(algorithm, key));
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * @param algorithmOid a signature algorithm OID, or a key algorithm OID as CMS writes for RSA and EC
     * @param digestOid    the digest OID of the SignerInfo
     * @return the matching receipt algorithm, or {@code null}
     */
    public static SignatureAlgorithm fromOids(String algorithmOid, String digestOid) {
        for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
            if (a.oid().equals(algorithmOid)) {
                return a;
            }
        }
        if ("1.2.840.113549.1.1.1".equals(algorithmOid) && SignatureAlgorithm.SHA256_WITH_RSA.digestOid().equals(digestOid)) {
            return SignatureAlgorithm.SHA256_WITH_RSA;
        }
        return null;
    }
}
