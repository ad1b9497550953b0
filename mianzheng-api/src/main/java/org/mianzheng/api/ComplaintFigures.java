package org.mianzheng.api;

import java.util.Map;

/**
 * Complaint figures of a report (Art. 21), over the complaints received in the period, in their state as of its end.
 *
 * @param received   complaints received in the period
 * @param resolved   of those, resolved by the period's end
 * @param open       of those, not resolved by the period's end
 * @param byChannel  received, by channel
 * @param byCategory received, by category
 */
public record ComplaintFigures(long received, long resolved, long open, Map<ComplaintChannel, Long> byChannel,
                               Map<ComplaintCategory, Long> byCategory) {
    /** Validating constructor. */
    public ComplaintFigures {
        SortedCopies.count(received, "received");
        SortedCopies.count(resolved, "resolved");
        SortedCopies.count(open, "open");
        byChannel = SortedCopies.enumKeyed(byChannel, ComplaintChannel.class, "byChannel");
        byCategory = SortedCopies.enumKeyed(byCategory, ComplaintCategory.class, "byCategory");
    }
}
