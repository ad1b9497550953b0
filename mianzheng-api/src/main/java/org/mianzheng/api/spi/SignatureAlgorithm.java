package org.mianzheng.api.spi;

/**
 * The signature algorithms a {@link SigningProvider} may use for receipts, with the names and object identifiers the
 * signature engine writes into the CMS.
 */
public enum SignatureAlgorithm {
    /** RSA PKCS#1 v1.5 with SHA-256; RSA keys of at least 2048 bits. */
    SHA256_WITH_RSA("SHA256withRSA", "1.2.840.113549.1.1.11", "SHA-256", "2.16.840.1.101.3.4.2.1", "RSA"),
    /** ECDSA with SHA-256 on NIST P-256 (secp256r1); signature DER-encoded {@code SEQUENCE {r, s}}. */
    SHA256_WITH_ECDSA("SHA256withECDSA", "1.2.840.10045.4.3.2", "SHA-256", "2.16.840.1.101.3.4.2.1", "EC"),
    /**
     * SM2 with SM3 (GB/T 32918, GB/T 32905) on the SM2 curve; signature DER-encoded {@code SEQUENCE {r, s}}. The SM2
     * user ID (distinguishing identifier) always enters the signature; see {@link SigningProvider#sm2UserId()}.
     */
    SM3_WITH_SM2("SM3withSM2", "1.2.156.10197.1.501", "SM3", "1.2.156.10197.1.401", "EC");

    /** The SM2 user ID used unless configured otherwise (GM/T 0009). */
    public static final String DEFAULT_SM2_USER_ID = "1234567812345678";

    private final String jcaName;
    private final String oid;
    private final String digestName;
    private final String digestOid;
    private final String keyAlgorithm;

    SignatureAlgorithm(String jcaName, String oid, String digestName, String digestOid, String keyAlgorithm) {
        this.jcaName = jcaName;
        this.oid = oid;
        this.digestName = digestName;
        this.digestOid = digestOid;
        this.keyAlgorithm = keyAlgorithm;
    }

    /** @return the JCA signature name, e.g. {@code SHA256withECDSA} */
    public String jcaName() {
        return jcaName;
    }

    /** @return the signature algorithm object identifier written into the CMS SignerInfo */
    public String oid() {
        return oid;
    }

    /** @return the JCA digest name, e.g. {@code SHA-256} or {@code SM3} */
    public String digestName() {
        return digestName;
    }

    /** @return the digest algorithm object identifier */
    public String digestOid() {
        return digestOid;
    }

    /** @return the JCA key algorithm of the signer's public key ({@code RSA} or {@code EC}) */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }
}
