package org.mianzheng.core.retrieval;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the distinct holders each operator touched within a sliding window. Thread-safe.
 *
 * <p>Per operator: each holder's last touch, and a log of touches in the order they were made. A holder leaves when
 * its last touch reaches the head of the log and is older than the window. A touch again clears the holder's earlier
 * entry, and cleared entries are dropped when they reach the head. So a touch costs one map lookup and two array
 * writes, and the head is checked without reading any holder; nothing is relinked in a list (which, with many holders,
 * meant reading and writing several objects spread over the heap). Dropping at the head bounds the log in the usual
 * case; when it is full it is compacted, or doubled if more than half of it is holders counted, so its length stays
 * below four times the most holders counted at once, and each touch costs amortised constant work. Its arrays do not
 * shrink: after a burst of holders, an operator keeps 12 bytes per entry of that size.
 */
final class BulkTracker {
    private final long windowMillis;
    private final Map<String, Seen> byOperator = new ConcurrentHashMap<>();

    BulkTracker(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** A holder counted for one operator, with the log position of its last touch. */
    private static final class Holder {
        final String subject;
        /** Absolute log position of the last touch (always between the log's head and tail). */
        long latest;

        Holder(String subject) {
            this.subject = subject;
        }
    }

    /** One operator's holders and touch log (a ring of absolute positions {@code head} to {@code tail}). */
    private static final class Seen {
        final HashMap<String, Holder> holders = new HashMap<>();
        Holder[] who = new Holder[16];
        long[] when = new long[16];
        long head;
        long tail;

        /** Appends a touch of a holder; its earlier entry, if any ({@code fresh} is false), is cleared. */
        void append(Holder h, long at, boolean fresh) {
            if (!fresh) {
                who[(int) (h.latest & (who.length - 1))] = null;
            }
            if (tail - head == who.length) {
                makeRoom();
            }
            int i = (int) (tail & (who.length - 1));
            who[i] = h;
            when[i] = at;
            h.latest = tail++;
        }

        /** Drops the cleared entries if they are at least half the log; otherwise doubles it. Keeps the order. */
        private void makeRoom() {
            int live = holders.size();
            int cap = who.length;
            int newCap = 2L * live <= cap ? cap : cap * 2;
            Holder[] w = new Holder[newCap];
            long[] t = new long[newCap];
            int n = 0;
            for (long p = head; p < tail; p++) {
                int i = (int) (p & (cap - 1));
                Holder h = who[i];
                if (h != null) {
                    w[n] = h;
                    t[n] = when[i];
                    h.latest = n;
                    n++;
                }
            }
            who = w;
            when = t;
            head = 0;
            tail = n;
        }

        /** Removes, from the head, cleared entries and holders whose last touch left the window. */
        void expire(long cutoff) {
            int mask = who.length - 1;
            while (head < tail) {
                int i = (int) (head & mask);
                Holder h = who[i];
                if (h != null) {
                    if (when[i] > cutoff) {
                        return; // the eldest last touch is in the window: so are the later ones
                    }
                    holders.remove(h.subject);
                    who[i] = null;
                }
                head++;
            }
        }
    }

    /**
     * @return the number of distinct holders the operator touched in the window ending now, including this one
     */
    int touch(String operatorId, String subject, long nowMillis) {
        Seen seen = byOperator.computeIfAbsent(operatorId, k -> new Seen());
        synchronized (seen) {
            Holder h = seen.holders.get(subject);
            boolean fresh = h == null;
            if (fresh) {
                h = new Holder(subject);
                seen.holders.put(subject, h);
            }
            seen.append(h, nowMillis, fresh);
            seen.expire(nowMillis - windowMillis);
            return seen.holders.size();
        }
    }

    /** @return the operator's log length (for tests: it stays bounded) */
    int logLength(String operatorId) {
        Seen seen = byOperator.get(operatorId);
        if (seen == null) {
            return 0;
        }
        synchronized (seen) {
            return (int) (seen.tail - seen.head);
        }
    }
}
