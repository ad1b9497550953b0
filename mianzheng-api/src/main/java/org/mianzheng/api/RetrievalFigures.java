package org.mianzheng.api;

import java.util.Map;

/**
 * Retrieval figures of a report: finished retrievals by outcome and serving channel, cache hits, the reasons of
 * fallbacks to paper (Art. 5), and every channel attempt by channel and outcome.
 *
 * @param total           finished retrievals ({@code RETRIEVAL} events)
 * @param byOutcome       finished retrievals by outcome
 * @param servedByChannel retrievals that obtained a licence, by the channel that served it
 * @param cacheHits       retrievals served from the cache ({@code CACHE_HIT} events)
 * @param fallbackReasons retrievals that ended in {@code MUST_SUBMIT}, by reason
 * @param channelAttempts channel attempts ({@code CHANNEL_ATTEMPT} events), by channel, then outcome
 */
public record RetrievalFigures(long total, Map<RetrievalOutcome, Long> byOutcome, Map<String, Long> servedByChannel, long cacheHits,
                               Map<MustSubmitReason, Long> fallbackReasons, Map<String, Map<SourceOutcome, Long>> channelAttempts) {
    /** Validating constructor; copies the maps in a fixed order. */
    public RetrievalFigures {
        SortedCopies.count(total, "total");
        SortedCopies.count(cacheHits, "cacheHits");
        byOutcome = SortedCopies.enumKeyed(byOutcome, RetrievalOutcome.class, "byOutcome");
        servedByChannel = SortedCopies.stringKeyed(servedByChannel, "servedByChannel");
        fallbackReasons = SortedCopies.enumKeyed(fallbackReasons, MustSubmitReason.class, "fallbackReasons");
        java.util.TreeMap<String, Map<SourceOutcome, Long>> ca = new java.util.TreeMap<>();
        if (channelAttempts != null) {
            channelAttempts.forEach((k, v) -> ca.put(k, SortedCopies.enumKeyed(v, SourceOutcome.class, "channelAttempts." + k)));
        }
        channelAttempts = SortedCopies.stringKeyed(ca, "channelAttempts");
    }

    /**
     * @param outcome an outcome
     * @return its count
     */
    public long outcome(RetrievalOutcome outcome) {
        return byOutcome.getOrDefault(outcome, 0L);
    }
}
