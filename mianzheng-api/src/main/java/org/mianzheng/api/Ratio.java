package org.mianzheng.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A share, kept as its two counts so that nothing is lost to rounding.
 *
 * @param numerator   the part
 * @param denominator the whole, at least the part
 */
public record Ratio(long numerator, long denominator) {
    /** Nothing counted. */
    public static final Ratio NONE = new Ratio(0, 0);

    /** Validating constructor. */
    public Ratio {
        SortedCopies.count(numerator, "numerator");
        SortedCopies.count(denominator, "denominator");
        if (numerator > denominator) {
            throw new InvalidValueException("numerator", "a part is not larger than its whole");
        }
    }

    /** @return the percentage with one decimal, rounded half up, or {@code null} when the denominator is 0 */
    public BigDecimal percent() {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    /** @return e.g. {@code 3/4 (75.0%)}, or {@code 0/0 (-)} */
    @Override
    public String toString() {
        BigDecimal p = percent();
        return numerator + "/" + denominator + " (" + (p == null ? "-" : p.toPlainString() + "%") + ")";
    }
}
