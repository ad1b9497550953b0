package org.mianzheng.core.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mianzheng.api.Violation;
import org.mianzheng.api.spi.ViolationStore;

/** In-memory {@link ViolationStore}. Thread-safe. */
public final class InMemoryViolationStore implements ViolationStore {
    private final List<Violation> violations = new ArrayList<>();

    @Override
    public synchronized void add(Violation violation) {
        violations.add(violation);
    }

    @Override
    public synchronized List<Violation> between(Instant from, Instant to) {
        // oldest first; violations at the same instant in the order they were added (the sort is stable)
        return violations.stream().filter(v -> !v.at().isBefore(from) && v.at().isBefore(to))
                .sorted(java.util.Comparator.comparing(Violation::at)).toList();
    }
}
