package org.mianzheng.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.spi.AuditStore;

/** In-memory {@link AuditStore}. Thread-safe. */
public final class InMemoryAuditStore implements AuditStore {
    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void append(List<AuditEvent> batch) {
        long next = events.isEmpty() ? 1 : events.get(events.size() - 1).sequence() + 1;
        for (AuditEvent e : batch) {
            if (e.sequence() != next++) {
                throw new StoreException("audit event " + e.sequence() + " is not the next one");
            }
        }
        events.addAll(batch);
    }

    @Override
    public synchronized Optional<AuditEvent> last() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    @Override
    public synchronized List<AuditEvent> read(long fromSequence, int limit) {
        // positions and sequences coincide for an untampered store; scan from the position
        int start = (int) Math.max(0, Math.min(events.size(), fromSequence - 1));
        return List.copyOf(events.subList(start, Math.min(events.size(), start + limit)));
    }

    /** @return the number of events */
    public synchronized int size() {
        return events.size();
    }
}
