package org.mianzheng.core.retrieval;

import java.time.Instant;
import java.util.Objects;
import org.mianzheng.api.AuditRecord;
import org.mianzheng.api.License;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.core.internal.ConsentedLookup;

/**
 * A licence in the retrieval cache, with the audit record and the result of its last cache hit: a repeated hit by the
 * same clerk under the same consent records the same act and returns the same (immutable) result, so both (and the
 * record's canonical bytes, see {@link AuditRecord#reusable()}) are made once. Equality is that of the licence,
 * channel and time.
 */
public final class CachedLicense {
    private final License license;
    private final String channel;
    private final Instant retrievedAt;
    private final String retrievedAtText;
    private final long retrievedAtMillis;
    private final long usableUntilMillis;
    /** The last hit's record and result and what they were made for; replaced whole. */
    private volatile Hit hit;

    /**
     * A cache hit's audit record and result, and the check, subject and cache entry they were made for (compared by
     * identity); also the bulk tracker's entry for the clerk and holder, so that a repeated hit counts its holder without
     * a lookup. The engine's case state keeps the last one made on the case ({@code ConsentedLookup.repeatedHit}), so
     * that a repeated hit reaches it in one step; what it rests on (the entry's times, the check's clerk, account
     * version, consent span and case state) is copied here for the same reason.
     */
    public static final class Hit {
        private final ConsentedLookup.Checked check;
        private final String subject;
        private final AuditRecord record;
        private final RetrievalResult result;
        private final CachedLicense license;
        private final long retrievedAtMillis;
        private final long usableUntilMillis;
        /** The check's material code (interned), key, case state, clerk, account version and consent span, read without the check. */
        private final String materialCode;
        private final ConsentedLookup.CacheKey key;
        private final ConsentedLookup.CaseState state;
        private final String operatorId;
        private final long accountVersion;
        private final long repeatFrom;
        private final long repeatUntil;
        /**
         * The bulk tracker's entry for the check's clerk and this holder, or {@code null}. Racy: a stale or missing one
         * only costs a lookup, since the tracker refuses an entry that has left the window.
         */
        BulkTracker.Holder holder;

        Hit(ConsentedLookup.Checked check, String subject, AuditRecord record, RetrievalResult result, CachedLicense license) {
            this.check = check;
            this.subject = subject;
            this.record = record;
            this.result = result;
            this.license = license;
            this.retrievedAtMillis = license.retrievedAtMillis;
            this.usableUntilMillis = license.usableUntilMillis;
            this.materialCode = check.material().materialCode().intern();
            this.key = check.key();
            this.state = check.state();
            this.operatorId = check.operator().id();
            this.accountVersion = check.accountVersion();
            this.repeatFrom = check.repeatFrom();
            this.repeatUntil = check.repeatUntil();
        }

        /** @return the checked material's code (interned) */
        public String materialCode() {
            return materialCode;
        }

        /** @return the checked material's cache key */
        public ConsentedLookup.CacheKey key() {
            return key;
        }

        /** @return the case state the check ran on */
        public ConsentedLookup.CaseState state() {
            return state;
        }

        /** @return the checked clerk's id */
        public String operatorId() {
            return operatorId;
        }

        /** @return the check's {@link ConsentedLookup.Checked#accountVersion()} */
        public long accountVersion() {
            return accountVersion;
        }

        /** @return the check's {@link ConsentedLookup.Checked#repeatFrom()} */
        public long repeatFrom() {
            return repeatFrom;
        }

        /** @return the check's {@link ConsentedLookup.Checked#repeatUntil()} */
        public long repeatUntil() {
            return repeatUntil;
        }

        /** @return the check the hit was made under */
        public ConsentedLookup.Checked check() {
            return check;
        }

        /** @return the audit subject digest it was made for */
        public String subject() {
            return subject;
        }

        /** @return the record a repeated hit appends */
        public AuditRecord record() {
            return record;
        }

        /** @return the result a repeated hit returns */
        public RetrievalResult result() {
            return result;
        }

        /** @return the cache entry it was made of */
        public CachedLicense license() {
            return license;
        }

        /** @return the entry's {@link CachedLicense#retrievedAtMillis()} */
        public long retrievedAtMillis() {
            return retrievedAtMillis;
        }

        /** @return the entry's {@link CachedLicense#usableUntilMillis()} */
        public long usableUntilMillis() {
            return usableUntilMillis;
        }
    }

    /**
     * @param license           the licence
     * @param channel           the channel it came from
     * @param retrievedAt       when it was retrieved
     * @param usableUntilMillis epoch millis from which it is no longer usable (the start of the day after its last valid
     *                          day, in the engine's zone): from then on the cache does not serve it
     */
    public CachedLicense(License license, String channel, Instant retrievedAt, long usableUntilMillis) {
        this.license = Objects.requireNonNull(license, "license");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.retrievedAt = Objects.requireNonNull(retrievedAt, "retrievedAt");
        this.retrievedAtText = retrievedAt.toString();
        this.retrievedAtMillis = retrievedAt.toEpochMilli();
        this.usableUntilMillis = usableUntilMillis;
    }

    /** @return epoch millis from which the licence is no longer usable, so not served from the cache */
    public long usableUntilMillis() {
        return usableUntilMillis;
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
     * @return the record and result made for exactly these, or {@code null}
     */
    Hit hit(ConsentedLookup.Checked check, String subject) {
        Hit h = hit;
        return h != null && h.check() == check && h.subject() == subject ? h : null;
    }

    /**
     * Remembers the record and result of a hit.
     *
     * @param check   the check
     * @param subject the subject digest
     * @param record  the record
     * @param result  the result
     * @return what is remembered
     */
    Hit rememberHit(ConsentedLookup.Checked check, String subject, AuditRecord record, RetrievalResult result) {
        Hit h = new Hit(check, subject, record, result, this);
        hit = h;
        return h;
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
