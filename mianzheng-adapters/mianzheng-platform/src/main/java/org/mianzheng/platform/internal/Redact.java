package org.mianzheng.platform.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mianzheng.api.Masking;

/** Makes platform-supplied text safe for logs and details: masks identifier-like runs, strips controls, truncates. */
public final class Redact {
    /**
     * What is masked: a run of 15 or more letters and digits (identity and credit codes, licence numbers); an identity
     * number written in groups (6, 8 and 4 characters, with spaces or dashes between); a run of 7 or more digits (phone
     * numbers and the like).
     */
    private static final Pattern ID_LIKE = Pattern.compile("[0-9A-Za-z]{15,}|[0-9]{6}[\\s-][0-9]{8}[\\s-][0-9]{3}[0-9Xx]|[0-9]{7,}");
    /** Longest text kept, in chars (a pair of surrogates is never cut in two). */
    private static final int MAX = 160;

    private Redact() {
    }

    /**
     * @param text platform text or {@code null}
     * @return text with identifier-like runs masked (see {@link #ID_LIKE}), controls blanked, at most 160 characters
     */
    public static String text(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = ID_LIKE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(Masking.mask(m.group())));
        }
        m.appendTail(sb);
        String s = org.mianzheng.api.InvalidValueException.replaceUnstorable(sb.toString()).replaceAll("\\p{Cntrl}", " ");
        if (s.length() <= MAX) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(MAX - 1)) ? MAX - 1 : MAX;
        return s.substring(0, cut) + "…";
    }
}
