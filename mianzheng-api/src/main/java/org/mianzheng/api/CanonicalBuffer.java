package org.mianzheng.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A reusable per-thread buffer for the audit event's canonical bytes: length-prefixed UTF-8 fields written without
 * intermediate arrays, hashed in place. Package-private.
 */
final class CanonicalBuffer {
    private static final ThreadLocal<CanonicalBuffer> LOCAL = ThreadLocal.withInitial(CanonicalBuffer::new);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private byte[] buf = new byte[512];
    private int len;
    private final MessageDigest sha;

    private CanonicalBuffer() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    static CanonicalBuffer get() {
        CanonicalBuffer b = LOCAL.get();
        b.len = 0;
        return b;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /** Null as length −1; otherwise a 4-byte big-endian UTF-8 length and the bytes. */
    void put(String s) {
        if (s == null) {
            ensure(4);
            buf[len++] = (byte) 0xFF;
            buf[len++] = (byte) 0xFF;
            buf[len++] = (byte) 0xFF;
            buf[len++] = (byte) 0xFF;
            return;
        }
        ensure(4 + s.length() * 3);
        int at = len;
        len += 4;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[len++] = (byte) c;
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                ensure(4);
                buf[len++] = (byte) (0xF0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buf[len++] = (byte) '?'; // lone surrogate: as String.getBytes(UTF_8) encodes it
            } else {
                buf[len++] = (byte) (0xE0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        int n = len - at - 4;
        buf[at] = (byte) (n >>> 24);
        buf[at + 1] = (byte) (n >>> 16);
        buf[at + 2] = (byte) (n >>> 8);
        buf[at + 3] = (byte) n;
    }

    /** A decimal number, as its string would be written. */
    void put(long v) {
        ensure(4 + 20);
        int at = len;
        len += 4;
        if (v == 0) {
            buf[len++] = '0';
        } else {
            if (v < 0) {
                buf[len++] = '-';
            }
            int start = len;
            long x = v;
            while (x != 0) {
                buf[len++] = (byte) ('0' + Math.abs(x % 10));
                x /= 10;
            }
            for (int i = start, j = len - 1; i < j; i++, j--) {
                byte t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
        }
        int n = len - at - 4;
        buf[at] = 0;
        buf[at + 1] = 0;
        buf[at + 2] = 0;
        buf[at + 3] = (byte) n;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, len);
    }

    /** @return lowercase hex SHA-256 of the bytes written */
    String sha256Hex() {
        sha.update(buf, 0, len);
        byte[] d = sha.digest();
        char[] out = new char[64];
        for (int i = 0; i < 32; i++) {
            out[2 * i] = HEX[(d[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[d[i] & 0xF];
        }
        return new String(out);
    }
}
