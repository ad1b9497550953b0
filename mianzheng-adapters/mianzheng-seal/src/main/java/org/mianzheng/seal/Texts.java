package org.mianzheng.seal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mianzheng.api.CheckCharacters;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.Masking;

/** Validation of receipt texts and masking of identity numbers inside free text. */
final class Texts {
    /**
     * An identity-number candidate: 18 characters (17 digits and a digit or X), which may be written in the groups
     * region, birth date, sequence with a space or hyphen between them. Digits on either side make it part of a longer
     * number; letters do not (a number written right after "ID" is still found). The 15-digit form of the first
     * identity cards (void since 2013) is not looked for: registration numbers of businesses have 15 digits too and
     * must print as they are.
     */
    private static final Pattern ID_CANDIDATE = Pattern.compile("(?<![0-9])([0-9]{6})[ -]?([0-9]{8})[ -]?([0-9]{3}[0-9Xx])(?![0-9])");

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
     * Masks every resident identity number found in the text: 18 characters whose check character is right (GB 11643)
     * or whose middle eight digits are a date of birth (a number with a mistyped check character is still someone's),
     * written whole or in its three groups.
     * Receipts are signed, so what is printed cannot be taken back: the rule leans to masking.
     *
     * @param text free text
     * @return the text with identity numbers masked by {@link Masking#mask}
     */
    static String maskIdentityNumbers(String text) {
        Matcher m = ID_CANDIDATE.matcher(text);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String candidate = m.group(1) + m.group(2) + m.group(3);
            if (identityNumber(candidate)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length());
                }
                sb.append(text, last, m.start()).append(Masking.mask(candidate));
                last = m.end();
            }
        }
        return sb == null ? text : sb.append(text, last, text.length()).toString();
    }

    private static boolean identityNumber(String candidate) {
        char check = Character.toUpperCase(candidate.charAt(17));
        return CheckCharacters.residentIdentityCheck(candidate.substring(0, 17)) == check || date(candidate.substring(6, 14));
    }

    /** @return whether eight digits are a date (yyyyMMdd) from 1800 to 2099 */
    private static boolean date(String yyyymmdd) {
        int y = Integer.parseInt(yyyymmdd.substring(0, 4));
        int mo = Integer.parseInt(yyyymmdd.substring(4, 6));
        int d = Integer.parseInt(yyyymmdd.substring(6, 8));
        return y >= 1800 && y <= 2099 && mo >= 1 && mo <= 12 && d >= 1 && d <= java.time.YearMonth.of(y, mo).lengthOfMonth();
    }
}
