package org.mianzheng.api;

/**
 * An identifier failed validation: wrong length, a character outside its alphabet, a wrong check character, or a
 * malformed structure. The message names the identifier kind and the problem; the value appears masked only.
 */
public class InvalidIdentifierException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the identifier. */
    public enum Problem {
        /** null or blank */
        EMPTY,
        /** wrong number of characters */
        LENGTH,
        /** a character outside the identifier's alphabet */
        CHARACTER,
        /** the check character does not match */
        CHECK_CHARACTER,
        /** the structure (segments, root, separators) is wrong */
        FORMAT
    }

    private final IdentifierKind kind;
    private final Problem problem;
    private final String maskedValue;

    /**
     * @param kind        which identifier
     * @param problem     what is wrong
     * @param rawValue    the offending value; only its masked form is kept
     * @param detail      precise detail, free of personal data
     */
    public InvalidIdentifierException(IdentifierKind kind, Problem problem, String rawValue, String detail) {
        super("invalid " + kind.label() + " [" + Masking.mask(rawValue) + "]: " + problem.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + " — " + detail);
        this.kind = kind;
        this.problem = problem;
        this.maskedValue = Masking.mask(rawValue);
    }

    /** @return the kind of identifier that failed */
    public IdentifierKind kind() {
        return kind;
    }

    /** @return what is wrong */
    public Problem problem() {
        return problem;
    }

    /** @return the offending value, masked */
    public String maskedValue() {
        return maskedValue;
    }
}
