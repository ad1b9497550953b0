package org.mianzheng.core.testing;

import java.util.List;
import java.util.Optional;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.spi.AuditStore;
import org.mianzheng.core.store.InMemoryAuditStore;

/** An in-memory audit store that tests wrap to hold, fail or tamper with some calls; every call goes to {@link #inner}. */
public abstract class WrappingAuditStore implements AuditStore {
    /** What is stored. */
    public final InMemoryAuditStore inner = new InMemoryAuditStore();

    @Override
    public void append(List<AuditEvent> events) {
        inner.append(events);
    }

    @Override
    public Optional<AuditEvent> last() {
        return inner.last();
    }

    @Override
    public List<AuditEvent> read(long fromSequence, int limit) {
        return inner.read(fromSequence, limit);
    }
}
