package org.mianzheng.core.retrieval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mianzheng.api.License;

/**
 * Compares what the applicant declared with the retrieved licence (Art. 15). Field names: {@code name} (holder
 * name), {@code number} (licence number), {@code issuer}, {@code validFrom}, {@code validUntil} (ISO date, or
 * {@code 长期}, also written {@code 长期有效}), {@code issuedOn}; any other name is looked up in the licence's surface data.
 * Values are compared after NFKC normalisation (full-width → half-width), removal of white space and of invisible
 * format characters (zero-width spaces, joiners, byte-order marks), one middle dot for its look-alikes (as in the names
 * of many ethnic-minority applicants: {@code ·} {@code •} {@code ・} {@code ‧} {@code ∙} {@code ⋅}) and case folding. A
 * field the licence does not carry cannot be compared and is not a mismatch.
 */
public final class DeclaredData {
    private DeclaredData() {
    }

    /**
     * @param declared what the applicant declared
     * @param license  what was retrieved
     * @return the names of the declared fields that differ, sorted
     */
    public static List<String> mismatches(Map<String, String> declared, License license) {
        if (declared.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(declared).entrySet()) {
            String actual = value(license, e.getKey());
            String said = "validUntil".equals(e.getKey()) && "长期有效".equals(normalise(e.getValue())) ? "长期" : e.getValue();
            if (actual != null && !normalise(actual).equals(normalise(said))) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private static String value(License l, String field) {
        switch (field) {
            case "name":
                return l.holderName();
            case "number":
                return l.number();
            case "issuer":
                return l.issuerName();
            case "validFrom":
                return l.validFrom() == null ? null : l.validFrom().toString();
            case "validUntil":
                return l.validUntil() == null ? "长期" : l.validUntil().toString();
            case "issuedOn":
                return l.issuedOn() == null ? null : l.issuedOn().toString();
            default:
                return l.surface().get(field);
        }
    }

    /** Look-alikes of the middle dot in names, after NFKC (which turns the half-width katakana one into U+30FB). */
    private static final String MIDDLE_DOTS = "\u00B7\u2022\u30FB\u2027\u2219\u22C5\u0387\u16EB\u2E31";

    static String normalise(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && Character.getType(cp) != Character.FORMAT)
                .map(cp -> MIDDLE_DOTS.indexOf(cp) >= 0 ? '·' : cp).forEach(b::appendCodePoint);
        return b.toString().toUpperCase(Locale.ROOT);
    }
}
