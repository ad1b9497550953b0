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
}
