package org.mianzheng.platform;

/** The MAC over the canonical request string (see {@link Signatures}). */
public enum SignatureAlgorithm {
    /** HMAC with SHA-256 (JDK). */
    HMAC_SHA256("HMAC-SHA256"),
    /** HMAC with SM3 (GB/T 32905); needs {@code org.bouncycastle:bcprov-jdk18on} on the class or module path. */
    HMAC_SM3("HMAC-SM3");

    private final String wireName;

    SignatureAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name sent on the wire (sign-method header or field) */
    public String wireName() {
        return wireName;
    }

    /**
     * @param name a wire name or enum name
     * @return the algorithm
     * @throws ProfileException if unknown
     */
    public static SignatureAlgorithm parse(String name) {
        for (SignatureAlgorithm a : values()) {
            if (a.wireName.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new ProfileException("unknown signature algorithm '" + name + "'; expected HMAC-SHA256 or HMAC-SM3");
    }
}
