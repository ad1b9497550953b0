package org.mianzheng.core.retrieval;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts the distinct holders each operator touched within a sliding window. Thread-safe. */
final class BulkTracker {
    private final long windowMillis;
    private final Map<String, LinkedHashMap<String, long[]>> byOperator = new ConcurrentHashMap<>();

    BulkTracker(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * @return the number of distinct holders the operator touched in the window ending now, including this one
     */
    int touch(String operatorId, String subject, long nowMillis) {
        // access order: a touch moves the holder to the end, so the order is that of the last touches
        LinkedHashMap<String, long[]> seen = byOperator.computeIfAbsent(operatorId, k -> new LinkedHashMap<>(16, 0.75f, true));
        synchronized (seen) {
            long[] at = seen.get(subject); // moves it to the end
            if (at == null) {
                seen.put(subject, new long[] {nowMillis});
            } else {
                at[0] = nowMillis; // a repeated touch: updated in place
            }
            for (Iterator<long[]> it = seen.values().iterator(); it.hasNext(); ) {
                if (it.next()[0] <= nowMillis - windowMillis) {
                    it.remove();
                } else {
                    break; // the order of last touches is their time order
                }
            }
            return seen.size();
        }
    }
}
