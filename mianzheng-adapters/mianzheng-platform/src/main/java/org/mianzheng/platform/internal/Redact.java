package org.mianzheng.platform.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mianzheng.api.Masking;

/** Makes platform-supplied text safe for logs and details: masks identifier-like runs, strips controls, truncates. */
public final class Redact {
    private static final Pattern ID_LIKE = Pattern.compile("[0-9A-Za-z]{15,}");

    private Redact() {
    }

    /**
     * @param text platform text or {@code null}
     * @return text with every run of 15+ letters/digits masked, at most 160 characters
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
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
