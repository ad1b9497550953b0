package org.mianzheng.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mianzheng.api.WorkOrder;

/**
 * Durable storage of work orders and of the notifications already sent for them (the outbox).
 *
 * <p>Contract: thread-safe; blocking; durable when a write returns. {@link #update} is optimistic: it writes only if
 * the stored version is {@code order.version() - 1} and returns {@code false} otherwise. Failures are
 * {@link org.mianzheng.api.StoreException}s.
 */
public interface WorkOrderStore {

    /** @param order a new order (version 1) */
    void insert(WorkOrder order);

    /**
     * @param order the next version
     * @return {@code false} if another writer changed the order first
     */
    boolean update(WorkOrder order);

    /**
     * @param id order id
     * @return the order
     */
    Optional<WorkOrder> find(String id);

    /** @return every order that is not in a terminal state */
    List<WorkOrder> open();

    /**
     * @param from inclusive, by creation time
     * @param to   exclusive
     * @return orders created in the period
     */
    List<WorkOrder> createdBetween(Instant from, Instant to);

    /**
     * Records that a notification was sent; the first call for an id wins.
     *
     * @param notificationId the notification id
     * @param sentAt         when
     * @return {@code true} if this call recorded it, {@code false} if it was recorded before
     */
    boolean markSent(String notificationId, Instant sentAt);

    /**
     * @param notificationId a notification id
     * @return whether it was sent
     */
    boolean sent(String notificationId);
}
