package org.mianzheng.core.retrieval;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts the distinct holders each operator touched within a sliding window. Thread-safe. */
final class BulkTracker {
    private final long windowMillis;
    private final Map<String, Seen> byOperator = new ConcurrentHashMap<>();

    /** One operator's holders, the one touched last at the end, each with the time it was last touched. */
    private static final class Seen {
        /** Access order: a touch moves the holder to the end, so the order is that of the last touches. */
        final LinkedHashMap<String, long[]> lastTouched = new LinkedHashMap<>(16, 0.75f, true);
        /** No holder here was last touched before this (a lower bound): while it is in the window, nothing expires. */
        long eldestAt = Long.MAX_VALUE;
    }

    BulkTracker(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * @return the number of distinct holders the operator touched in the window ending now, including this one
     */
    int touch(String operatorId, String subject, long nowMillis) {
        Seen seen = byOperator.computeIfAbsent(operatorId, k -> new Seen());
        synchronized (seen) {
            long[] at = seen.lastTouched.get(subject); // moves it to the end
            if (at == null) {
                seen.lastTouched.put(subject, new long[] {nowMillis});
            } else {
                at[0] = nowMillis; // a repeated touch: updated in place
            }
            seen.eldestAt = Math.min(seen.eldestAt, nowMillis);
            long cutoff = nowMillis - windowMillis;
            if (seen.eldestAt <= cutoff) {
                seen.eldestAt = Long.MAX_VALUE;
                for (Iterator<long[]> it = seen.lastTouched.values().iterator(); it.hasNext(); ) {
                    long t = it.next()[0];
                    if (t <= cutoff) {
                        it.remove();
                    } else {
                        seen.eldestAt = t;
                        break; // the order of last touches is their time order
                    }
                }
            }
            return seen.lastTouched.size();
        }
    }
}
