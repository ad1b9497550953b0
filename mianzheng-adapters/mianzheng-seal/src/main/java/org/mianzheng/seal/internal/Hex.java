package org.mianzheng.seal.internal;

/** Hexadecimal encoding and strict decoding. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /**
     * @param bytes bytes
     * @return lowercase hexadecimal
     */
    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * @param c a character
     * @return its value, or -1 if it is not a hexadecimal digit
     */
    public static int value(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * Decodes hex digits from {@code data[from, to)}.
     *
     * @param data bytes holding ASCII hex digits
     * @param from start, inclusive
     * @param to   end, exclusive; {@code to - from} must be even
     * @return the decoded bytes, or {@code null} if a byte is not a hexadecimal digit or the count is odd
     */
    public static byte[] decode(byte[] data, int from, int to) {
        int n = to - from;
        if (n < 0 || (n & 1) != 0) {
            return null;
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = value(data[from + 2 * i]);
            int lo = value(data[from + 2 * i + 1]);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }
}
