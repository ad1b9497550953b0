package org.mianzheng.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers. */
public final class Digests {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    });

    private Digests() {
    }

    /**
     * @param bytes bytes
     * @return lowercase hex SHA-256
     */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /**
     * @param bytes bytes
     * @return SHA-256
     */
    public static byte[] sha256(byte[] bytes) {
        return SHA256.get().digest(bytes); // digest() resets the instance
    }

    /**
     * @param hex   a digest in hex
     * @param field field name
     * @return it, lowercased
     * @throws InvalidValueException unless 64 hex characters
     */
    public static String requireSha256Hex(String hex, String field) {
        if (hex == null || hex.length() != 64) {
            throw new InvalidValueException(field, "must be a SHA-256 digest: 64 hex characters");
        }
        boolean upper = false;
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
                continue;
            }
            if (c >= 'A' && c <= 'F') {
                upper = true;
                continue;
            }
            throw new InvalidValueException(field, "must be a SHA-256 digest: 64 hex characters");
        }
        return upper ? hex.toLowerCase(java.util.Locale.ROOT) : hex;
    }
}
