package org.mianzheng.api;

import java.util.Objects;

/**
 * A holder identifier with its type: a resident identity number, a unified social credit code, or another document
 * number. The constructor validates the check character (for {@code 111} and {@code 001}); a lowercase {@code x}
 * in a resident identity number is normalised to {@code X}. {@link #toString()} is masked.
 *
 * @param type  identifier type
 * @param value the identifier, normalised
 */
public record HolderId(HolderIdType type, String value) {

    /** Validating constructor. */
    public HolderId {
        InvalidValueException.requireNonNull(type, "type");
        value = validate(type, value);
    }

    /**
     * @param value a resident identity number
     * @return the id
     * @throws InvalidIdentifierException if invalid
     */
    public static HolderId resident(String value) {
        return new HolderId(HolderIdType.RESIDENT_IDENTITY_NUMBER, value);
    }

    /**
     * @param value a unified social credit code
     * @return the id
     * @throws InvalidIdentifierException if invalid
     */
    public static HolderId creditCode(String value) {
        return new HolderId(HolderIdType.UNIFIED_SOCIAL_CREDIT_CODE, value);
    }

    /**
     * @param value a passport or permit number
     * @return the id
     */
    public static HolderId other(String value) {
        return new HolderId(HolderIdType.OTHER, value);
    }

    /**
     * Validates and normalises an identifier of the given type.
     *
     * @param type  the type
     * @param value the raw value
     * @return the normalised value
     * @throws InvalidIdentifierException if it is not valid
     */
    public static String validate(HolderIdType type, String value) {
        Objects.requireNonNull(type, "type");
        IdentifierKind kind = type.kind();
        if (value == null || value.isBlank()) {
            throw new InvalidIdentifierException(kind, InvalidIdentifierException.Problem.EMPTY, value, "no value given");
        }
        String v = value.strip();
        switch (type) {
            case RESIDENT_IDENTITY_NUMBER: {
                if (v.length() != 18) {
                    throw new InvalidIdentifierException(kind, InvalidIdentifierException.Problem.LENGTH, v,
                            "expected 18 characters, got " + v.length());
                }
                if (v.charAt(17) == 'x') {
                    v = v.substring(0, 17) + 'X';
                }
                char expected = CheckCharacters.residentIdentityCheck(v.subSequence(0, 17));
                char last = v.charAt(17);
                if (!(last >= '0' && last <= '9') && last != 'X') {
                    throw new InvalidIdentifierException(kind, InvalidIdentifierException.Problem.CHARACTER, v,
                            "position 18 must be a digit or X");
                }
                if (last != expected) {
                    throw new InvalidIdentifierException(kind, InvalidIdentifierException.Problem.CHECK_CHARACTER, v,
                            "check character does not match the first 17 digits");
                }
                return v;
            }
            case UNIFIED_SOCIAL_CREDIT_CODE: {
                if (v.length() != 18) {
                    throw new InvalidIdentifierException(kind, InvalidIdentifierException.Problem.LENGTH, v,
                            "expected 18 characters, got " + v.length());
                }
                char expected = CheckCharacters.creditCodeCheck(v.subSequence(0, 17));
                char last = v.charAt(17);
                if (CheckCharacters.USCC_ALPHABET.indexOf(last) < 0) {
                    throw new InvalidIdentifierException(kind, InvalidIdentifierException.Problem.CHARACTER, v,
                            "position 18 is outside " + CheckCharacters.USCC_ALPHABET);
                }
                if (last != expected) {
                    throw new InvalidIdentifierException(kind, InvalidIdentifierException.Problem.CHECK_CHARACTER, v,
                            "check character does not match the first 17 characters");
                }
                return v;
            }
            default: {
                if (v.length() > 64) {
                    throw new InvalidIdentifierException(kind, InvalidIdentifierException.Problem.LENGTH, v,
                            "at most 64 characters, got " + v.length());
                }
                for (int i = 0; i < v.length(); i++) {
                    char c = v.charAt(i);
                    boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
                    if (!ok) {
                        throw new InvalidIdentifierException(kind, InvalidIdentifierException.Problem.CHARACTER, v,
                                "position " + (i + 1) + " is not a letter, digit or '-'");
                    }
                }
                return v;
            }
        }
    }

    /** @return the masked value, safe for logs */
    public String masked() {
        return Masking.mask(value);
    }

    /** @return {@code type:masked} — never the raw value */
    @Override
    public String toString() {
        return type.code() + ":" + masked();
    }
}
