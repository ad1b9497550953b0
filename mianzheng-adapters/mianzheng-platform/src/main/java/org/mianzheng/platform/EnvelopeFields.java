package org.mianzheng.platform;

/**
 * Where the parts of an answer envelope are, as dotted paths from the body's root (e.g. {@code head.status}).
 *
 * @param status       the status / ack code
 * @param message      the status message, or empty
 * @param data         the payload
 * @param errors       an array of errors, or empty
 * @param errorMessage within an error element, its message, or empty
 */
public record EnvelopeFields(String status, String message, String data, String errors, String errorMessage) {
    /**
     * @param r reader at the {@code envelope} object
     * @return the fields
     */
    public static EnvelopeFields read(ProfileReader r) {
        return new EnvelopeFields(r.text("status"), r.optionalText("message", ""), r.text("data"), r.optionalText("errors", ""),
                r.optionalText("errorMessage", ""));
    }
}
