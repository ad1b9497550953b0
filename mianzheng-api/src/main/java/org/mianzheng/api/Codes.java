package org.mianzheng.api;

import java.util.List;

/**
 * Validation of internal codes (item codes, department codes, material codes, bizNo, channel ids, operator ids):
 * 1 to 64 characters of {@code A-Z a-z 0-9 _ - .}. Keeps hostile strings (control characters, markup, very long
 * values) out of keys, logs and file names.
 */
public final class Codes {
    /** Maximum length of a code. */
    public static final int MAX_LENGTH = 64;

    private Codes() {
    }

    /**
     * @param value the code
     * @param field the field name, for the message
     * @return the code, stripped
     * @throws InvalidIdentifierException if it is empty, too long or has a character outside the code alphabet
     */
    public static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidIdentifierException(IdentifierKind.CODE, InvalidIdentifierException.Problem.EMPTY, value, field + " is empty");
        }
        String v = value.strip();
        if (v.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException(IdentifierKind.CODE, InvalidIdentifierException.Problem.LENGTH, v,
                    field + " longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-' || c == '.';
            if (!ok) {
                throw new InvalidIdentifierException(IdentifierKind.CODE, InvalidIdentifierException.Problem.CHARACTER, v,
                        field + " position " + (i + 1) + " is outside A-Z a-z 0-9 _ - .");
            }
        }
        return v;
    }

    /**
     * @param value a code or {@code null}
     * @param field the field name
     * @return {@code null}, or the validated code
     */
    public static String optional(String value, String field) {
        return value == null ? null : require(value, field);
    }

    /**
     * @param values codes
     * @param field  the field name
     * @return an immutable copy, each validated
     */
    public static List<String> requireAll(List<String> values, String field) {
        InvalidValueException.requireNonNull(values, field);
        return values.stream().map(v -> require(v, field)).toList();
    }
}
