package org.mianzheng.api;

/**
 * A value object was given an argument it cannot hold (blank name, missing field, out-of-range number).
 * Identifier syntax errors use the more precise {@link InvalidIdentifierException}.
 */
public class InvalidValueException extends MianzhengException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /**
     * @param field   the field or parameter at fault
     * @param message what is wrong with it
     */
    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** @return the field or parameter at fault */
    public String field() {
        return field;
    }

    /**
     * Fails unless {@code value} is non-null.
     *
     * @param value the value
     * @param field its name, for the message
     * @param <T>   its type
     * @return {@code value}
     */
    public static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "must not be null");
        }
        return value;
    }

    /**
     * Fails unless {@code value} holds a non-blank string.
     *
     * @param value the value
     * @param field its name, for the message
     * @return {@code value}, stripped of surrounding white space
     */
    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return value.strip();
    }

    /**
     * Fails if {@code value} holds what a database cannot store as it is: a NUL character (PostgreSQL refuses it) or
     * a surrogate that is not half of a pair (it has no UTF-8 form, and a driver would store {@code ?} instead).
     *
     * @param value the value, or {@code null}
     * @param field its name, for the message
     * @return {@code value}
     */
    public static String requireStorable(String value, String field) {
        if (value == null) {
            return null;
        }
        int nul = value.indexOf('\0');
        if (nul >= 0) {
            throw new InvalidValueException(field, "has a NUL character at " + nul);
        }
        int lone = loneSurrogate(value);
        if (lone >= 0) {
            throw new InvalidValueException(field, "has an unpaired surrogate at " + lone);
        }
        return value;
    }

    /**
     * For text from outside that is to be recorded rather than judged (an adapter's status text, say): what a
     * database cannot keep as it is, a NUL or half a surrogate pair, is replaced by U+FFFD.
     *
     * @param value text or {@code null}
     * @return {@code value}, or a copy with those characters replaced
     */
    public static String replaceUnstorable(String value) {
        if (value == null || (value.indexOf('\0') < 0 && loneSurrogate(value) < 0)) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                sb.append(c).append(value.charAt(++i));
            } else {
                sb.append(c == '\0' || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    /** @return the index of the first surrogate in {@code s} that is not half of a pair, or −1 */
    static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
