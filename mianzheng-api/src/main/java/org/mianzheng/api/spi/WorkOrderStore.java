package org.mianzheng.api.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.Notification;
import org.mianzheng.api.WorkOrder;

/**
 * Durable storage of work orders, of their SLA schedule (the warnings, breach notices and escalations due for each
 * order) and of the notifications already sent (the outbox).
 *
 * <p>Contract: thread-safe; blocking; durable when a write returns. Failures are
 * {@link org.mianzheng.api.StoreException}s. Several engines (processes) may share one store:
 * <ul>
 *   <li>{@link #update} is optimistic: it writes only if the stored version is {@code order.version() - 1} and
 *       returns {@code false} otherwise.</li>
 *   <li>An order and its schedule change together: {@link #insert(WorkOrder, List)} and
 *       {@link #update(WorkOrder, List)} are atomic. When an order reaches a terminal state its pending (unsent)
 *       actions are dropped by the store itself.</li>
 *   <li>Due actions are <em>claimed</em> before they are sent ({@link #claimDue}): a claimed action is not handed to
 *       another claimant until its lease has run out, so that each is sent once while its claimant is alive. The
 *       claimant extends its lease while it works ({@link #renew}) and gives back what it could not send
 *       ({@link #release}). A claimant that dies leaves its claims to be taken over when the lease ends.</li>
 *   <li>{@link #markSent} is first-wins: a notification recorded as sent is never claimed again.</li>
 * </ul>
 * Times passed in ({@code now}, {@code leaseUntil}) come from the engine clock, so that leases work with the
 * injectable clock; nodes sharing a store should keep their clocks synchronised (NTP) well within a lease.
 */
public interface WorkOrderStore {

    /**
     * One scheduled SLA action of an order: an outbox row waiting to be sent.
     *
     * @param notificationId the notification id, unique ({@code orderId:action:answerDueEpochMillis})
     * @param orderId        the order
     * @param action         the action key within the order, e.g. {@code warn-50}, {@code breach}, {@code escalate-lead}
     * @param dueAt          when it falls due
     * @param kind           what will be sent
     * @param recipient      to whom
     */
    record ScheduledAction(String notificationId, String orderId, String action, Instant dueAt, Notification.Kind kind,
                           Notification.Recipient recipient) {
        /** Validating constructor. */
        public ScheduledAction {
            notificationId = InvalidValueException.requireText(notificationId, "notificationId");
            orderId = InvalidValueException.requireText(orderId, "orderId");
            action = InvalidValueException.requireText(action, "action");
            InvalidValueException.requireNonNull(dueAt, "dueAt");
            InvalidValueException.requireNonNull(kind, "kind");
            InvalidValueException.requireNonNull(recipient, "recipient");
        }
    }

    /**
     * Inserts a new order without a schedule (the engine schedules it at its next start).
     *
     * @param order a new order (version 1)
     * @throws org.mianzheng.api.StoreException if an order with that id exists or the version is not 1
     */
    default void insert(WorkOrder order) {
        insert(order, List.of());
    }

    /**
     * Inserts a new order and its schedule atomically.
     *
     * @param order    a new order (version 1)
     * @param schedule its actions (their {@code orderId} is the order's)
     * @throws org.mianzheng.api.StoreException if an order with that id exists or the version is not 1 (nothing written)
     */
    void insert(WorkOrder order, List<ScheduledAction> schedule);

    /**
     * @param order the next version
     * @return {@code false} if another writer changed the order first
     */
    default boolean update(WorkOrder order) {
        return update(order, null);
    }

    /**
     * Writes the next version of an order and, atomically with it, replaces its pending actions.
     *
     * @param order      the next version
     * @param reschedule the order's new pending actions (replacing every unsent one; actions already sent are kept and
     *                   ids already sent are not scheduled again), or {@code null} to keep the schedule. Whatever is
     *                   passed, a terminal order's pending actions are dropped.
     * @return {@code false} if another writer changed the order first (nothing written)
     */
    boolean update(WorkOrder order, List<ScheduledAction> reschedule);

    /**
     * @param id order id
     * @return the order
     */
    Optional<WorkOrder> find(String id);

    /**
     * @param ids order ids
     * @return the orders found, in no particular order
     */
    default List<WorkOrder> findAll(Collection<String> ids) {
        List<WorkOrder> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            find(id).ifPresent(out::add);
        }
        return out;
    }

    /** @return every order that is not in a terminal state */
    List<WorkOrder> open();

    /**
     * The highest SLA rule version any stored order names, open or closed: the engine numbers a new rule table past it,
     * so that one version number never names two tables, even after a restart that was not given the tables put in
     * force before it. The default reads every order; a store should answer from an index or an aggregate.
     *
     * @return that version, or 0 if there is no order
     */
    default int highestRuleVersion() {
        int highest = 0;
        // every order: from 1970 to the last instant nanoseconds since 1970 hold (2262), a range any store can read
        for (WorkOrder o : createdBetween(Instant.EPOCH, Instant.ofEpochSecond(Long.MAX_VALUE / 1_000_000_000L))) {
            highest = Math.max(highest, o.ruleVersion());
        }
        return highest;
    }

    /**
     * @param from inclusive, by creation time
     * @param to   exclusive
     * @return orders created in the period
     */
    List<WorkOrder> createdBetween(Instant from, Instant to);

    /**
     * Records that a notification was sent; the first call for an id wins. A scheduled action so recorded is done.
     *
     * @param notificationId the notification id
     * @param sentAt         when
     * @return {@code true} if this call recorded it, {@code false} if it was recorded before
     */
    boolean markSent(String notificationId, Instant sentAt);

    /**
     * Records several notifications as sent, in one write where the store can.
     *
     * @param notificationIds the ids
     * @param sentAt          when
     * @return the ids this call recorded (the others were recorded before)
     */
    default Set<String> markSent(Collection<String> notificationIds, Instant sentAt) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : notificationIds) {
            if (markSent(id, sentAt)) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * @param notificationId a notification id
     * @return whether it was sent
     */
    boolean sent(String notificationId);

    /**
     * Adds actions to the schedule; an action whose notification id is known already (pending or sent) is left as
     * it is. Used to schedule orders that have no schedule yet.
     *
     * @param actions actions of existing orders
     */
    void schedule(List<ScheduledAction> actions);

    /**
     * @param orderId an order
     * @return its pending (unsent) actions, by due time
     */
    List<ScheduledAction> scheduled(String orderId);

    /** @return the open orders for which no action was ever scheduled or sent */
    List<WorkOrder> openUnscheduled();

    /**
     * Claims due actions: pending, {@code dueAt <= now}, and not claimed or with a lease that ended at or before
     * {@code now}. Claims are exclusive: two concurrent callers never receive the same action.
     *
     * @param now        the claimant's clock
     * @param claimant   who claims (a node id)
     * @param leaseUntil when the claims lapse unless renewed
     * @param limit      at most this many
     * @return the claimed actions, by due time
     */
    List<ScheduledAction> claimDue(Instant now, String claimant, Instant leaseUntil, int limit);

    /**
     * Heartbeat: extends the lease of claims the claimant still holds.
     *
     * @param claimant        the claimant
     * @param notificationIds claimed actions
     * @param leaseUntil      the new end of the lease
     * @return the ids still held by this claimant and pending (the others were taken over, sent or dropped)
     */
    Set<String> renew(String claimant, Collection<String> notificationIds, Instant leaseUntil);

    /**
     * Gives claims back (e.g. the notifier failed): they can be claimed again at once.
     *
     * @param claimant        the claimant
     * @param notificationIds actions it holds
     */
    void release(String claimant, Collection<String> notificationIds);

    /**
     * Drops pending actions that no longer apply (their order closed or its deadline moved). Sent ones are kept.
     *
     * @param notificationIds the ids
     */
    void cancel(Collection<String> notificationIds);
}
