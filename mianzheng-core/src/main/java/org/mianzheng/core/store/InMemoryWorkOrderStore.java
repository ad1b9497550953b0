package org.mianzheng.core.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.spi.WorkOrderStore;

/**
 * In-memory {@link WorkOrderStore}: orders, their schedule and the outbox. Thread-safe; writes that touch the
 * schedule are serialised on the store.
 */
public final class InMemoryWorkOrderStore implements WorkOrderStore {
    private static final Comparator<Slot> BY_DUE = Comparator.comparing((Slot s) -> s.action.dueAt()).thenComparing(s -> s.action.notificationId());

    private final Map<String, WorkOrder> orders = new ConcurrentHashMap<>();
    /** Every known notification: scheduled (with an action) or only recorded as sent. Guarded by this. */
    private final Map<String, Slot> slots = new HashMap<>();
    /** Notification ids per order. Guarded by this. */
    private final Map<String, Set<String>> byOrder = new HashMap<>();
    /** Pending scheduled slots by due time. Guarded by this. */
    private final TreeSet<Slot> pending = new TreeSet<>(BY_DUE);

    /** One outbox entry. */
    private static final class Slot {
        final ScheduledAction action; // null for a notification that was only recorded as sent
        String claimant;
        Instant leaseUntil;
        Instant sentAt;

        Slot(ScheduledAction action) {
            this.action = action;
        }
    }

    @Override
    public synchronized void insert(WorkOrder order, List<ScheduledAction> schedule) {
        if (order.version() != 1 || orders.containsKey(order.id())) {
            throw new StoreException("work order " + order.id() + " exists already or is not version 1");
        }
        for (ScheduledAction a : schedule) {
            if (!a.orderId().equals(order.id())) {
                throw new StoreException("scheduled action " + a.notificationId() + " is not of order " + order.id());
            }
        }
        orders.put(order.id(), order);
        add(schedule);
    }

    @Override
    public synchronized boolean update(WorkOrder order, List<ScheduledAction> reschedule) {
        WorkOrder current = orders.get(order.id());
        if (current == null || current.version() != order.version() - 1) {
            return false;
        }
        if (reschedule != null) {
            for (ScheduledAction a : reschedule) {
                if (!a.orderId().equals(order.id())) {
                    throw new StoreException("scheduled action " + a.notificationId() + " is not of order " + order.id());
                }
            }
        }
        orders.put(order.id(), order);
        if (reschedule != null || order.state().terminal()) {
            dropPending(order.id());
        }
        if (reschedule != null && !order.state().terminal()) {
            add(reschedule);
        }
        return true;
    }

    private void dropPending(String orderId) {
        Set<String> ids = byOrder.get(orderId);
        if (ids == null) {
            return;
        }
        for (var it = ids.iterator(); it.hasNext(); ) {
            String id = it.next();
            Slot s = slots.get(id);
            if (s.sentAt == null) {
                pending.remove(s);
                slots.remove(id);
                it.remove();
            }
        }
    }

    private void add(List<ScheduledAction> actions) {
        for (ScheduledAction a : actions) {
            if (slots.containsKey(a.notificationId())) {
                continue;
            }
            Slot s = new Slot(a);
            slots.put(a.notificationId(), s);
            byOrder.computeIfAbsent(a.orderId(), k -> new LinkedHashSet<>()).add(a.notificationId());
            pending.add(s);
        }
    }

    @Override
    public Optional<WorkOrder> find(String id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public List<WorkOrder> open() {
        return orders.values().stream().filter(o -> !o.state().terminal()).toList();
    }

    @Override
    public int highestRuleVersion() {
        return orders.values().stream().mapToInt(WorkOrder::ruleVersion).max().orElse(0);
    }

    @Override
    public List<WorkOrder> createdBetween(Instant from, Instant to) {
        return orders.values().stream().filter(o -> !o.createdAt().isBefore(from) && o.createdAt().isBefore(to)).toList();
    }

    @Override
    public synchronized boolean markSent(String notificationId, Instant sentAt) {
        Slot s = slots.get(notificationId);
        if (s == null) {
            s = new Slot(null);
            s.sentAt = sentAt;
            slots.put(notificationId, s);
            return true;
        }
        if (s.sentAt != null) {
            return false;
        }
        pending.remove(s);
        s.sentAt = sentAt;
        return true;
    }

    @Override
    public synchronized Set<String> markSent(Collection<String> notificationIds, Instant sentAt) {
        return WorkOrderStore.super.markSent(notificationIds, sentAt);
    }

    @Override
    public synchronized boolean sent(String notificationId) {
        Slot s = slots.get(notificationId);
        return s != null && s.sentAt != null;
    }

    @Override
    public synchronized void schedule(List<ScheduledAction> actions) {
        for (ScheduledAction a : actions) {
            if (!orders.containsKey(a.orderId())) {
                throw new StoreException("no work order " + a.orderId() + " to schedule " + a.notificationId() + " for");
            }
        }
        add(actions);
    }

    @Override
    public synchronized List<ScheduledAction> scheduled(String orderId) {
        List<ScheduledAction> out = new ArrayList<>();
        for (String id : byOrder.getOrDefault(orderId, Set.of())) {
            Slot s = slots.get(id);
            if (s.sentAt == null) {
                out.add(s.action);
            }
        }
        out.sort(Comparator.comparing(ScheduledAction::dueAt).thenComparing(ScheduledAction::notificationId));
        return out;
    }

    @Override
    public synchronized List<WorkOrder> openUnscheduled() {
        List<WorkOrder> out = new ArrayList<>();
        for (WorkOrder o : orders.values()) {
            if (!o.state().terminal() && !byOrder.containsKey(o.id())) {
                out.add(o);
            }
        }
        return out;
    }

    @Override
    public synchronized List<ScheduledAction> claimDue(Instant now, String claimant, Instant leaseUntil, int limit) {
        List<ScheduledAction> out = new ArrayList<>();
        for (Slot s : pending) {
            if (out.size() >= limit || s.action.dueAt().isAfter(now)) {
                break;
            }
            if (s.claimant == null || !s.leaseUntil.isAfter(now)) {
                s.claimant = claimant;
                s.leaseUntil = leaseUntil;
                out.add(s.action);
            }
        }
        return out;
    }

    @Override
    public synchronized Set<String> renew(String claimant, Collection<String> notificationIds, Instant leaseUntil) {
        Set<String> held = new LinkedHashSet<>();
        for (String id : notificationIds) {
            Slot s = slots.get(id);
            if (s != null && s.action != null && s.sentAt == null && claimant.equals(s.claimant)) {
                s.leaseUntil = leaseUntil;
                held.add(id);
            }
        }
        return held;
    }

    @Override
    public synchronized void release(String claimant, Collection<String> notificationIds) {
        for (String id : notificationIds) {
            Slot s = slots.get(id);
            if (s != null && s.sentAt == null && claimant.equals(s.claimant)) {
                s.claimant = null;
                s.leaseUntil = null;
            }
        }
    }

    @Override
    public synchronized void cancel(Collection<String> notificationIds) {
        for (String id : notificationIds) {
            Slot s = slots.get(id);
            if (s != null && s.sentAt == null && s.action != null) {
                pending.remove(s);
                slots.remove(id);
                Set<String> ids = byOrder.get(s.action.orderId());
                if (ids != null) {
                    ids.remove(id);
                }
            }
        }
    }
}
