package org.mianzheng.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.spi.WorkOrderStore;

/** In-memory {@link WorkOrderStore}. Thread-safe. */
public final class InMemoryWorkOrderStore implements WorkOrderStore {
    private final Map<String, WorkOrder> orders = new ConcurrentHashMap<>();
    private final Map<String, Instant> sent = new ConcurrentHashMap<>();

    @Override
    public void insert(WorkOrder order) {
        if (order.version() != 1 || orders.putIfAbsent(order.id(), order) != null) {
            throw new StoreException("work order " + order.id() + " exists already or is not version 1");
        }
    }

    @Override
    public boolean update(WorkOrder order) {
        WorkOrder[] won = new WorkOrder[1];
        orders.computeIfPresent(order.id(), (k, current) -> {
            if (current.version() == order.version() - 1) {
                won[0] = order;
                return order;
            }
            return current;
        });
        return won[0] != null;
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
    public List<WorkOrder> createdBetween(Instant from, Instant to) {
        return orders.values().stream().filter(o -> !o.createdAt().isBefore(from) && o.createdAt().isBefore(to)).toList();
    }

    @Override
    public boolean markSent(String notificationId, Instant sentAt) {
        return sent.putIfAbsent(notificationId, sentAt) == null;
    }

    @Override
    public boolean sent(String notificationId) {
        return sent.containsKey(notificationId);
    }
}
