package org.mianzheng.core.retrieval;

import java.time.Instant;
import org.mianzheng.api.License;

/**
 * A licence in the retrieval cache.
 *
 * @param license     the licence
 * @param channel     the channel it came from
 * @param retrievedAt when it was retrieved
 * @param retrievedAtText {@code retrievedAt} in ISO-8601, formatted once for the audit events of cache hits
 */
public record CachedLicense(License license, String channel, Instant retrievedAt, String retrievedAtText) {
    /**
     * @param license     the licence
     * @param channel     the channel
     * @param retrievedAt when
     */
    public CachedLicense(License license, String channel, Instant retrievedAt) {
        this(license, channel, retrievedAt, retrievedAt.toString());
    }
}
