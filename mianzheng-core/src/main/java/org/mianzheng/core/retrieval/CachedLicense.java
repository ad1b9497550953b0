package org.mianzheng.core.retrieval;

import java.time.Instant;
import java.util.Objects;
import org.mianzheng.api.AuditRecord;
import org.mianzheng.api.License;
import org.mianzheng.core.internal.ConsentedLookup;

/**
 * A licence in the retrieval cache, with the audit record of its last cache hit: a repeated hit by the same clerk
 * under the same consent records the same act, so the record (and its canonical bytes, see
 * {@link AuditRecord#reusable()}) is made once. Equality is that of the licence, channel and time.
 */
public final class CachedLicense {
    private final License license;
    private final String channel;
    private final Instant retrievedAt;
    private final String retrievedAtText;
    private final long retrievedAtMillis;
    /** The last hit's record and what it was made for; replaced whole. */
    private volatile HitRecord hitRecord;

    /** A cache-hit record and the check and subject it was made for (compared by identity). */
    record HitRecord(ConsentedLookup.Checked check, String subject, AuditRecord record) {
    }

    /**
     * @param license     the licence
     * @param channel     the channel it came from
     * @param retrievedAt when it was retrieved
     */
    public CachedLicense(License license, String channel, Instant retrievedAt) {
        this.license = Objects.requireNonNull(license, "license");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.retrievedAt = Objects.requireNonNull(retrievedAt, "retrievedAt");
        this.retrievedAtText = retrievedAt.toString();
        this.retrievedAtMillis = retrievedAt.toEpochMilli();
    }

    /** @return {@link #retrievedAt()} in epoch millis (no later than when the entry was written to the cache) */
    public long retrievedAtMillis() {
        return retrievedAtMillis;
    }

    /** @return the licence */
    public License license() {
        return license;
    }

    /** @return the channel it came from */
    public String channel() {
        return channel;
    }

    /** @return when it was retrieved */
    public Instant retrievedAt() {
        return retrievedAt;
    }

    /** @return {@link #retrievedAt()} in ISO-8601, formatted once for the audit events of cache hits */
    public String retrievedAtText() {
        return retrievedAtText;
    }

    /**
     * @param check   the check the hit was made under (identity)
     * @param subject the subject digest (identity)
     * @return the record made for exactly these, or {@code null}
     */
    AuditRecord hitRecord(ConsentedLookup.Checked check, String subject) {
        HitRecord h = hitRecord;
        return h != null && h.check() == check && h.subject() == subject ? h.record() : null;
    }

    /**
     * Remembers the record of a hit.
     *
     * @param check   the check
     * @param subject the subject digest
     * @param record  the record
     */
    void rememberHit(ConsentedLookup.Checked check, String subject, AuditRecord record) {
        hitRecord = new HitRecord(check, subject, record);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CachedLicense c && c.license.equals(license) && c.channel.equals(channel) && c.retrievedAt.equals(retrievedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(license, channel, retrievedAt);
    }

    @Override
    public String toString() {
        return "CachedLicense[" + license.licenseTypeCode() + " from " + channel + " at " + retrievedAtText + "]";
    }
}
