package org.mianzheng.api;

/**
 * What a licence source answered.
 *
 * @param outcome      the typed outcome
 * @param license      the licence for {@code FOUND}, {@code REVOKED}, {@code EXPIRED}, {@code RESTRICTED} when the source
 *                     returned it; otherwise {@code null}
 * @param platformCode the platform's own status code, or {@code null} (an unknown code is reported here, never swallowed)
 * @param detail       short explanation, free of personal data
 */
public record SourceResult(SourceOutcome outcome, License license, String platformCode, String detail) {
    /** Validating constructor. */
    public SourceResult {
        InvalidValueException.requireNonNull(outcome, "outcome");
        if (outcome == SourceOutcome.FOUND && license == null) {
            throw new InvalidValueException("license", "FOUND carries the licence");
        }
        detail = detail == null ? "" : detail;
    }

    /**
     * @param license the licence
     * @return FOUND
     */
    public static SourceResult found(License license) {
        return new SourceResult(SourceOutcome.FOUND, license, null, "");
    }

    /**
     * @param outcome      outcome
     * @param platformCode platform code or {@code null}
     * @param detail       detail
     * @return a result without a licence
     */
    public static SourceResult of(SourceOutcome outcome, String platformCode, String detail) {
        return new SourceResult(outcome, null, platformCode, detail);
    }
}
