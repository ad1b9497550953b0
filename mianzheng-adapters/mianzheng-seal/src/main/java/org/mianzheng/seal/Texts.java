package org.mianzheng.seal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mianzheng.api.CheckCharacters;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.Masking;

/** Validation of receipt texts and masking of identity numbers inside free text. */
final class Texts {
    private static final Pattern ID_CANDIDATE = Pattern.compile("(?<![0-9A-Za-z])([0-9]{17}[0-9Xx])(?![0-9A-Za-z])");

    private Texts() {
    }

    /**
     * @param value      the text
     * @param field      its name
     * @param max        longest length in code points
     * @param multiline  whether line breaks are allowed
     * @return the text, stripped
     */
    static String require(String value, String field, int max, boolean multiline) {
        String v = InvalidValueException.requireText(value, field);
        if (v.codePointCount(0, v.length()) > max) {
            throw new InvalidValueException(field, "longer than " + max + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                throw new InvalidValueException(field, "contains a control character at position " + (i + 1));
            }
        }
        return v;
    }

    /**
     * @param value text, possibly {@code null}
     * @param field its name
     * @param max   longest length
     * @return {@code null} for null or blank, else the validated text
     */
    static String optional(String value, String field, int max) {
        return value == null || value.isBlank() ? null : require(value, field, max, false);
    }

    /**
     * Masks every valid resident identity number (GB 11643: 17 digits and a correct check character) found in the text.
     *
     * @param text free text
     * @return the text with identity numbers masked by {@link Masking#mask}
     */
    static String maskIdentityNumbers(String text) {
        Matcher m = ID_CANDIDATE.matcher(text);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String candidate = m.group(1);
            char check = Character.toUpperCase(candidate.charAt(17));
            if (CheckCharacters.residentIdentityCheck(candidate.substring(0, 17)) == check) {
                if (sb == null) {
                    sb = new StringBuilder(text.length());
                }
                sb.append(text, last, m.start(1)).append(Masking.mask(candidate));
                last = m.end(1);
            }
        }
        return sb == null ? text : sb.append(text, last, text.length()).toString();
    }
}
