package org.mianzheng.core.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mianzheng.api.AccountEvent;
import org.mianzheng.api.Operator;
import org.mianzheng.api.spi.OperatorStore;

/** In-memory {@link OperatorStore}. Thread-safe. */
public final class InMemoryOperatorStore implements OperatorStore {
    private final Map<String, Operator> operators = new HashMap<>();
    private final Map<String, String> liaisons = new HashMap<>();
    private final List<AccountEvent> events = new ArrayList<>();

    @Override
    public synchronized boolean insert(Operator operator, AccountEvent event) {
        if (operators.putIfAbsent(operator.id(), operator) != null) {
            return false;
        }
        events.add(event);
        return true;
    }

    @Override
    public synchronized void update(Operator operator, AccountEvent event) {
        operators.put(operator.id(), operator);
        events.add(event);
    }

    @Override
    public synchronized Optional<Operator> find(String id) {
        return Optional.ofNullable(operators.get(id));
    }

    @Override
    public synchronized void putLiaison(String departmentCode, String operatorId, AccountEvent event) {
        liaisons.put(departmentCode, operatorId);
        events.add(event);
    }

    @Override
    public synchronized Optional<String> liaison(String departmentCode) {
        return Optional.ofNullable(liaisons.get(departmentCode));
    }

    @Override
    public synchronized List<AccountEvent> events() {
        return List.copyOf(events);
    }
}
