package org.mianzheng.core.retrieval;

import java.time.Instant;
import org.mianzheng.api.License;

/**
 * A licence in the retrieval cache.
 *
 * @param license     the licence
 * @param channel     the channel it came from
 * @param retrievedAt when it was retrieved
 */
public record CachedLicense(License license, String channel, Instant retrievedAt) {
}
