package org.mianzheng.api;

/**
 * A spot check (抽查, Art. 18): a seeded random sample of the cases opened in a period.
 *
 * @param period         the period whose cases form the population
 * @param departmentCode limit the population to one department's items, or {@code null}
 * @param sampleSize     how many cases to draw (1..1,000; fewer if the population is smaller)
 * @param seed           the seed: the same seed over the same population draws the same cases
 */
public record SpotCheckRequest(ReportPeriod period, String departmentCode, int sampleSize, long seed) {
    /** Largest sample. */
    public static final int MAX_SAMPLE = 1_000;

    /** Validating constructor. */
    public SpotCheckRequest {
        InvalidValueException.requireNonNull(period, "period");
        departmentCode = Codes.optional(departmentCode, "departmentCode");
        if (sampleSize < 1 || sampleSize > MAX_SAMPLE) {
            throw new InvalidValueException("sampleSize", "between 1 and " + MAX_SAMPLE);
        }
    }
}
