package org.mianzheng.core.retrieval;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts the distinct holders each operator touched within a sliding window. Thread-safe. */
final class BulkTracker {
    private final long windowMillis;
    private final Map<String, LinkedHashMap<String, Long>> byOperator = new ConcurrentHashMap<>();

    BulkTracker(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * @return the number of distinct holders the operator touched in the window ending now, including this one
     */
    int touch(String operatorId, String subject, long nowMillis) {
        LinkedHashMap<String, Long> seen = byOperator.computeIfAbsent(operatorId, k -> new LinkedHashMap<>());
        synchronized (seen) {
            seen.remove(subject);
            seen.put(subject, nowMillis);
            for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
                if (it.next() <= nowMillis - windowMillis) {
                    it.remove();
                } else {
                    break; // insertion order = time order
                }
            }
            return seen.size();
        }
    }
}
