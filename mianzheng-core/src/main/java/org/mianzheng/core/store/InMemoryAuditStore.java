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
        if (batch.isEmpty()) {
            throw new StoreException("empty audit batch");
        }
        AuditEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
        long next = last == null ? 1 : last.sequence() + 1;
        String previous = last == null ? AuditEvent.GENESIS : last.hash();
        for (AuditEvent e : batch) {
            if (e.sequence() != next) {
                throw new StoreException("audit event " + e.sequence() + " is not the next one (" + next + ")");
            }
            if (!e.previousHash().equals(previous)) {
                throw new StoreException("audit event " + e.sequence() + " does not link to the last stored event");
            }
            next++;
            previous = e.hash();
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
        return List.copyOf(events.subList(start, (int) Math.min(events.size(), (long) start + limit)));
    }

    /** @return the number of events */
    public synchronized int size() {
        return events.size();
    }
}
