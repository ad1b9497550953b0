package org.mianzheng.api.spi;

import java.util.List;
import java.util.Optional;
import org.mianzheng.api.AuditEvent;

/**
 * Durable storage of the audit chain.
 *
 * <p>Contract: thread-safe; blocking. {@link #append} writes all events or none, durably, before it returns. It
 * refuses (throws {@link org.mianzheng.api.StoreException}, writing nothing) a batch whose first sequence is not
 * exactly one more than the last stored, or whose first {@code previousHash} is not the last stored hash (the
 * {@link AuditEvent#GENESIS} for an empty chain), or whose events are not consecutive links. {@link #read} returns
 * events in sequence order as stored — it must not repair or re-sort what it finds, so that verification sees
 * tampering.
 *
 * <p>Several writers: engines in several processes may append to one store. The check of the last stored event and
 * the write must then be atomic (one transaction, e.g. a unique key on the sequence), so that of two batches built on
 * the same last event exactly one is stored and the other is refused. The engine reacts to a refusal by reading
 * {@link #last()}, linking its batch again on the new last event and retrying, so the chain stays one linear chain.
 */
public interface AuditStore {

    /**
     * @param events consecutive events, in order; not empty
     * @throws org.mianzheng.api.StoreException if the batch does not continue the stored chain or could not be stored
     */
    void append(List<AuditEvent> events);

    /** @return the last event (highest sequence), if any */
    Optional<AuditEvent> last();

    /**
     * @param fromSequence first sequence
     * @param limit        maximum count
     * @return events from that sequence on, in stored order
     */
    List<AuditEvent> read(long fromSequence, int limit);

    /**
     * Whether engines in other processes may append to this store (a database reached by several engines). The engine
     * then follows the chain for their consent and account changes by default (see
     * {@code Mianzheng.Builder.followChanges}); an in-process store says no.
     *
     * @return {@code false} unless overridden
     */
    default boolean sharedWithOtherEngines() {
        return false;
    }
}
