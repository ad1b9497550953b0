package org.mianzheng.api;

/**
 * Where the review of an item finally happens. Items reviewed at region level or above (Art. 3: initial review
 * by the city and reported to the region, or delegated down but still reviewed at the region) are outside 免证办.
 */
public enum ReviewLevel {
    /** Reviewed by a district. */
    DISTRICT,
    /** Reviewed by the city. */
    CITY,
    /** Reviewed by the autonomous region (自治区). */
    REGION,
    /** Reviewed at national level. */
    NATIONAL;

    /** @return whether this level is the region or above (Art. 3 exclusion) */
    public boolean regionOrAbove() {
        return this == REGION || this == NATIONAL;
    }
}
