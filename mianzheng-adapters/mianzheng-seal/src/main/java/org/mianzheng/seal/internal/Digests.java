package org.mianzheng.seal.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Message digests, including SM3 (from BouncyCastle when the JDK lacks it). */
public final class Digests {
    private Digests() {
    }

    /**
     * @param algorithm JCA digest name ({@code SHA-256}, {@code SM3}, ...)
     * @return a new digest instance
     * @throws IllegalArgumentException if neither the JDK nor BouncyCastle provides it
     */
    public static MessageDigest get(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            try {
                return MessageDigest.getInstance(algorithm, Bc.PROVIDER);
            } catch (NoSuchAlgorithmException e2) {
                throw new IllegalArgumentException("unknown digest algorithm " + algorithm, e2);
            }
        }
    }

    /**
     * @param data bytes
     * @return SHA-256 of {@code data}
     */
    public static byte[] sha256(byte[] data) {
        return get("SHA-256").digest(data);
    }
}
