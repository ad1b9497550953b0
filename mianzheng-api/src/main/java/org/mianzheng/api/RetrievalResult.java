package org.mianzheng.api;

import java.time.Instant;
import java.util.List;

/**
 * The result of retrieving one material of a case.
 *
 * @param bizNo            the case
 * @param materialCode     the material
 * @param outcome          retrieved, mismatch, or must submit
 * @param license          the licence for {@code RETRIEVED} and {@code MISMATCH}, otherwise {@code null}
 * @param channel          the channel that served it, or {@code null}
 * @param retrievedAt      when the licence was obtained from the channel (earlier than now for a cache hit)
 * @param fromCache        whether it came from the cache
 * @param mismatchedFields for {@code MISMATCH}: the declared fields that differ (names only, no values)
 * @param reason           for {@code MUST_SUBMIT}: why
 * @param attempts         the channels tried, in order
 */
public record RetrievalResult(String bizNo, String materialCode, RetrievalOutcome outcome, License license, String channel, Instant retrievedAt,
                              boolean fromCache, List<String> mismatchedFields, MustSubmitReason reason, List<ChannelAttempt> attempts) {
    /** Validating constructor. */
    public RetrievalResult {
        bizNo = Codes.require(bizNo, "bizNo");
        materialCode = Codes.require(materialCode, "materialCode");
        InvalidValueException.requireNonNull(outcome, "outcome");
        mismatchedFields = mismatchedFields == null ? List.of() : List.copyOf(mismatchedFields);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        if (outcome == RetrievalOutcome.MUST_SUBMIT ? reason == null || license != null : license == null || reason != null) {
            throw new InvalidValueException("outcome", "MUST_SUBMIT has a reason and no licence; the others a licence and no reason");
        }
    }
}
