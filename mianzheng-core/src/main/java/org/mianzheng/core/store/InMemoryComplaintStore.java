package org.mianzheng.core.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mianzheng.api.Complaint;
import org.mianzheng.api.spi.ComplaintStore;

/** In-memory {@link ComplaintStore}. Thread-safe. */
public final class InMemoryComplaintStore implements ComplaintStore {
    private final Map<String, Complaint> complaints = new ConcurrentHashMap<>();

    @Override
    public boolean insert(Complaint complaint) {
        return complaint.version() == 1 && complaints.putIfAbsent(complaint.id(), complaint) == null;
    }

    @Override
    public boolean update(Complaint complaint) {
        Complaint[] won = new Complaint[1];
        complaints.computeIfPresent(complaint.id(), (k, current) -> {
            if (current.version() == complaint.version() - 1) {
                won[0] = complaint;
                return complaint;
            }
            return current;
        });
        return won[0] != null;
    }

    @Override
    public Optional<Complaint> find(String id) {
        return Optional.ofNullable(complaints.get(id));
    }

    @Override
    public List<Complaint> receivedBetween(Instant from, Instant to) {
        return complaints.values().stream().filter(c -> !c.receivedAt().isBefore(from) && c.receivedAt().isBefore(to))
                .sorted(Comparator.comparing(Complaint::receivedAt).thenComparing(Complaint::id)).toList();
    }
}
