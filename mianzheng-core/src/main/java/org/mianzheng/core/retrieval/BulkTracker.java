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
 *
 * <p>A caller that touches the same holder again and again (the engine's repeated cache hits) keeps its entry and
 * touches it directly ({@link #touch(Holder, long)}): no map lookup, only the entry and the log.
 */
final class BulkTracker {
    private final long windowMillis;
    private final Map<String, Seen> byOperator = new ConcurrentHashMap<>();

    BulkTracker(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * A holder counted for one operator, with the log position of its last touch. A caller may keep it and touch it
     * again with {@link #touch(Holder, long)}, which skips the map lookup; once it has left the window it is
     * {@linkplain #gone gone} and a new one is made on the next touch.
     */
    static final class Holder {
        final String subject;
        /** The operator's holders this one belongs to: its lock guards the fields below. */
        final Seen owner;
        /** Absolute log position of the last touch (between the log's head and tail), or −1 before the first. */
        long latest = -1;
        /** Left the window and removed from the owner's map: a touch must make a new one. */
        boolean gone;

        Holder(String subject, Seen owner) {
            this.subject = subject;
            this.owner = owner;
        }
    }

    /** One operator's holders and touch log (a ring of absolute positions {@code head} to {@code tail}). */
    private static final class Seen {
        final HashMap<String, Holder> holders = new HashMap<>();
        Holder[] who = new Holder[16];
        long[] when = new long[16];
        long head;
        long tail;

        /** Appends a touch of a holder; its earlier entry, if any, is cleared. */
        void append(Holder h, long at) {
            if (h.latest >= 0) {
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
                    h.gone = true;
                    h.latest = -1;
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
        int n;
        while ((n = touch(holder(operatorId, subject), nowMillis)) < 0) {
            // it left the window between the two calls: make it again
        }
        return n;
    }

    /**
     * The operator's entry for a holder, made if there is none; to be {@linkplain #touch(Holder, long) touched} now.
     *
     * @param operatorId operator
     * @param subject    holder
     * @return the entry
     */
    Holder holder(String operatorId, String subject) {
        Seen seen = byOperator.computeIfAbsent(operatorId, k -> new Seen());
        synchronized (seen) {
            Holder h = seen.holders.get(subject);
            if (h == null) {
                h = new Holder(subject, seen);
                seen.holders.put(subject, h);
            }
            return h;
        }
    }

    /**
     * Touches a holder entry kept from {@link #holder} (or an earlier touch).
     *
     * @param h         the entry
     * @param nowMillis now
     * @return the number of distinct holders its operator touched in the window ending now, including this one; or −1
     *         if the entry has left the window meanwhile (nothing was counted: get a new one from {@link #holder})
     */
    int touch(Holder h, long nowMillis) {
        Seen seen = h.owner;
        synchronized (seen) {
            if (h.gone) {
                return -1;
            }
            seen.append(h, nowMillis);
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
