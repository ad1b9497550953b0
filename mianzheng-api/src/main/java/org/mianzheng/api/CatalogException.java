package org.mianzheng.api;

/**
 * The exemption catalog refused an input or a request: a malformed or inconsistent catalog file (with the JSON
 * path of the problem), a filing that breaks a rule, or an unknown item. A refused input never replaces the
 * catalog in force.
 */
public class CatalogException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The bytes are not JSON, or are truncated. */
        MALFORMED_JSON,
        /** A required field is missing or has the wrong JSON type. */
        SCHEMA,
        /** A value is invalid (blank name, bad enum constant...). */
        INVALID_VALUE,
        /** An identifier (credit code, licence type code) is invalid. */
        INVALID_IDENTIFIER,
        /** A reference names a department, licence type or item that does not exist. */
        UNKNOWN_REFERENCE,
        /** The same code appears twice. */
        DUPLICATE_CODE,
        /** The department hierarchy has a cycle. */
        CYCLE,
        /** A material was added or changed without a legal basis (Art. 11(2)). */
        NO_LEGAL_BASIS,
        /** A department filed a change to an item of another department (Art. 16). */
        NOT_OWNER,
        /** The item is not in the catalog at the instant asked. */
        UNKNOWN_ITEM,
        /** The input exceeds a size limit. */
        TOO_LARGE
    }

    private final Reason reason;
    private final String jsonPath;

    /**
     * @param reason   what went wrong
     * @param jsonPath where, as a JSON path such as {@code $.items[3].materials[0].issuer}; {@code null} if not a file
     * @param message  detail, free of personal data
     */
    public CatalogException(Reason reason, String jsonPath, String message) {
        super((jsonPath == null ? "" : jsonPath + ": ") + message);
        this.reason = reason;
        this.jsonPath = jsonPath;
    }

    /**
     * @param reason   what went wrong
     * @param jsonPath where
     * @param message  detail
     * @param cause    cause
     */
    public CatalogException(Reason reason, String jsonPath, String message, Throwable cause) {
        super((jsonPath == null ? "" : jsonPath + ": ") + message, cause);
        this.reason = reason;
        this.jsonPath = jsonPath;
    }

    /** @return what went wrong */
    public Reason reason() {
        return reason;
    }

    /** @return the JSON path of the problem, or {@code null} */
    public String jsonPath() {
        return jsonPath;
    }
}
