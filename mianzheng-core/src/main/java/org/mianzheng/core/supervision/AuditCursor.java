package org.mianzheng.core.supervision;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.spi.AuditStore;
import org.mianzheng.core.internal.Guard;

/**
 * Streams the audit chain from its store page by page ({@link AuditStore#read(long, int)}), never loading it whole,
 * and finds the first event of a period by binary search over sequences (event times never decrease along the chain).
 */
final class AuditCursor {
    /** Events per store read. */
    static final int PAGE = 1_000;

    private final AuditStore store;
    private final String storeId;

    AuditCursor(AuditStore store) {
        this.store = store;
        this.storeId = store.getClass().getName();
    }

    private List<AuditEvent> read(long from, int limit) {
        return Guard.call(storeId, "read", () -> store.read(from, limit));
    }

    /**
     * @param sequence a sequence
     * @return that event, or {@code null} if the store does not answer by sequence (then callers scan)
     */
    AuditEvent at(long sequence) {
        List<AuditEvent> l = read(sequence, 1);
        return l.isEmpty() || l.get(0).sequence() != sequence ? null : l.get(0);
    }

    /**
     * @param t    an instant
     * @param last the last sequence to consider
     * @return the smallest sequence in {@code 1..last} whose event is at or after {@code t}, {@code last + 1} if none;
     *         1 if the store does not answer by sequence (a tampered store: callers still filter by time)
     */
    long firstAtOrAfter(Instant t, long last) {
        long lo = 1;
        long hi = last + 1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            AuditEvent e = at(mid);
            if (e == null) {
                return 1;
            }
            if (e.at().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Visits events {@code from..last} in chain order until the visitor returns {@code false}.
     *
     * @param from    first sequence
     * @param last    last sequence
     * @param visitor the visitor
     */
    void forEach(long from, long last, Predicate<AuditEvent> visitor) {
        long next = Math.max(1, from);
        while (next <= last) {
            int limit = (int) Math.min(PAGE, last - next + 1);
            List<AuditEvent> page = read(next, limit);
            if (page.isEmpty()) {
                return;
            }
            for (AuditEvent e : page) {
                if (e.sequence() > last || !visitor.test(e)) {
                    return;
                }
            }
            next = Math.max(next + 1, page.get(page.size() - 1).sequence() + 1); // always advances, even on a tampered store
        }
    }
}
