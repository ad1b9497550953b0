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

    /** A resident identity number standing on its own: 17 digits and a check character, no letter or digit either side. */
    private static final java.util.regex.Pattern RESIDENT_ID = java.util.regex.Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

    /**
     * Masks, inside free text, every resident identity number that stands on its own (no letter or digit either side,
     * so hex digests and longer numbers are left alone) and whose check character is right (GB 11643).
     *
     * @param text free text, possibly {@code null}
     * @return the text with such numbers masked by {@link #mask}; the same instance when there is none
     */
    public static String maskIdentityNumbersIn(String text) {
        if (text == null || !hasDigitRun(text)) {
            return text;
        }
        java.util.regex.Matcher m = RESIDENT_ID.matcher(text);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String id = m.group();
            if (CheckCharacters.residentIdentityCheck(id.substring(0, 17)) == Character.toUpperCase(id.charAt(17))) {
                if (sb == null) {
                    sb = new StringBuilder(text.length());
                }
                sb.append(text, last, m.start()).append(mask(id));
                last = m.end();
            }
        }
        return sb == null ? text : sb.append(text, last, text.length()).toString();
    }

    /** @return whether the text has 17 digits in a row (cheap, before any pattern) */
    private static boolean hasDigitRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run >= 17) {
                return true;
            }
        }
        return false;
    }

    private static int sanitize(int cp) {
        // never echo control characters (log injection) from hostile input
        return Character.isISOControl(cp) ? '?' : cp;
    }
}
