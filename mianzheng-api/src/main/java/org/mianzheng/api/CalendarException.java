package org.mianzheng.api;

/**
 * The working calendar refused an input: a malformed or inconsistent holiday data file (with the JSON path and,
 * when known, the line of the problem), or a computation whose result lies outside the supported instant range.
 * A refused file never replaces the calendar in force.
 */
public class CalendarException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The bytes are not JSON, or are truncated. */
        MALFORMED_JSON,
        /** A required field is missing, a field is unknown, or a field has the wrong JSON type or version. */
        SCHEMA,
        /** A value is invalid: a bad date or time, an unknown override kind, a date outside its year. */
        INVALID_VALUE,
        /** Office-hour slots are inverted (end not after start) or overlap. */
        INVALID_SLOTS,
        /** The same year, or the same date, is given twice. */
        DUPLICATE,
        /** The input exceeds a size limit. */
        TOO_LARGE,
        /** A computed instant lies outside the range {@link java.time.Instant} can hold. */
        OUT_OF_RANGE
    }

    private final Reason reason;
    private final String jsonPath;
    private final int line;

    /**
     * @param reason   what went wrong
     * @param jsonPath where, as a JSON path such as {@code $.years[0].days[3].kind}; {@code null} if not a file
     * @param line     the 1-based line in the file, or {@code -1} if unknown
     * @param message  detail
     */
    public CalendarException(Reason reason, String jsonPath, int line, String message) {
        this(reason, jsonPath, line, message, null);
    }

    /**
     * @param reason   what went wrong
     * @param jsonPath where, or {@code null}
     * @param line     the 1-based line, or {@code -1}
     * @param message  detail
     * @param cause    cause, or {@code null}
     */
    public CalendarException(Reason reason, String jsonPath, int line, String message, Throwable cause) {
        super(prefix(jsonPath, line) + message, cause);
        this.reason = reason;
        this.jsonPath = jsonPath;
        this.line = line > 0 ? line : -1;
    }

    /**
     * For problems not tied to a file.
     *
     * @param reason  what went wrong
     * @param message detail
     */
    public CalendarException(Reason reason, String message) {
        this(reason, null, -1, message, null);
    }

    private static String prefix(String jsonPath, int line) {
        if (jsonPath == null) {
            return line > 0 ? "line " + line + ": " : "";
        }
        return jsonPath + (line > 0 ? " (line " + line + ")" : "") + ": ";
    }

    /** @return what went wrong */
    public Reason reason() {
        return reason;
    }

    /** @return the JSON path of the problem, or {@code null} */
    public String jsonPath() {
        return jsonPath;
    }

    /** @return the 1-based line of the problem in the file, or {@code -1} if unknown */
    public int line() {
        return line;
    }
}
