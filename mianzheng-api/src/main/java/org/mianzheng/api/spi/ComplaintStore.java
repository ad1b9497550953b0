package org.mianzheng.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mianzheng.api.Complaint;

/**
 * Durable storage of complaints (Art. 21).
 *
 * <p>Contract: thread-safe; blocking; durable when a write returns. {@link #update} is optimistic: it writes only if
 * the stored version is {@code complaint.version() - 1} and returns {@code false} otherwise. Failures are
 * {@link org.mianzheng.api.StoreException}s. The store holds personal data (summary, complainant id): protect it like
 * the case store.
 */
public interface ComplaintStore {

    /**
     * @param complaint a new complaint (version 1)
     * @return {@code false} if a complaint with that id exists (nothing written)
     */
    boolean insert(Complaint complaint);

    /**
     * @param complaint the next version
     * @return {@code false} if another writer changed it first
     */
    boolean update(Complaint complaint);

    /**
     * @param id complaint id
     * @return the complaint
     */
    Optional<Complaint> find(String id);

    /**
     * @param from inclusive
     * @param to   exclusive
     * @return complaints received in the period, oldest first
     */
    List<Complaint> receivedBetween(Instant from, Instant to);
}
