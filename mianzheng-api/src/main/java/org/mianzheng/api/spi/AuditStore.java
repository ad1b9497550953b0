package org.mianzheng.api.spi;

import java.util.List;
import java.util.Optional;
import org.mianzheng.api.AuditEvent;

/**
 * Durable storage of the audit chain.
 *
 * <p>Contract: thread-safe; blocking. {@link #append} writes all events or none, durably, before it returns, and
 * refuses (throws {@link org.mianzheng.api.StoreException}) a batch whose first sequence is not exactly one more than
 * the last stored. {@link #read} returns events in sequence order as stored — it must not repair or re-sort what it
 * finds, so that verification sees tampering.
 */
public interface AuditStore {

    /**
     * @param events consecutive events, in order
     */
    void append(List<AuditEvent> events);

    /** @return the last event, if any */
    Optional<AuditEvent> last();

    /**
     * @param fromSequence first sequence
     * @param limit        maximum count
     * @return events from that sequence on, in stored order
     */
    List<AuditEvent> read(long fromSequence, int limit);
}
