package org.mianzheng.api;

/**
 * Masks identity numbers and other personal identifiers for logs, messages and printed receipts.
 *
 * <p>Rule: values of 8 or more characters keep their first 3 and last 4 characters ({@code 150***********123X});
 * shorter values keep only their last character. {@code null} becomes {@code "<null>"}. The birth date and the
 * sequence part of a resident identity number are never shown.
 */
public final class Masking {
    private Masking() {
    }

    /**
     * @param value any identifier, possibly {@code null}
     * @return the masked form
     */
    public static String mask(String value) {
        if (value == null) {
            return "<null>";
        }
        String v = value.strip();
        int n = v.codePointCount(0, v.length());
        if (n == 0) {
            return "";
        }
        int[] cps = v.codePoints().toArray();
        StringBuilder sb = new StringBuilder(n);
        int keepHead = n >= 8 ? 3 : 0;
        int keepTail = n >= 8 ? 4 : 1;
        for (int i = 0; i < n; i++) {
            if (i < keepHead || i >= n - keepTail) {
                sb.appendCodePoint(sanitize(cps[i]));
            } else {
                sb.append('*');
            }
        }
        return sb.toString();
    }

    private static int sanitize(int cp) {
        // never echo control characters (log injection) from hostile input
        return Character.isISOControl(cp) ? '?' : cp;
    }
}
