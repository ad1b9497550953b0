package org.mianzheng.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.mianzheng.api.FileType;
import org.mianzheng.api.WorkOrderState;

/**
 * The city system's directed-request desk. Each department behaves as configured ({@link #behave}); states are
 * computed from the creation time and the simulator's clock, so a test advances a {@link ManualClock} instead of
 * sleeping. Creation is idempotent by order id. Thread-safe.
 */
public final class Desk {
    /**
     * A request as the desk holds it.
     *
     * @param requestNo   the desk's id
     * @param orderId     the requester's order id (idempotency key)
     * @param department  department code
     * @param kind        kind
     * @param behaviour   behaviour at creation
     * @param createdAt   creation
     * @param cancelledAt cancellation, or {@code null}
     */
    public record Entry(String requestNo, String orderId, String department, String kind, DeskBehaviour behaviour, Instant createdAt,
                        Instant cancelledAt) {
    }

    /**
     * A state at an instant.
     *
     * @param state     state
     * @param updatedAt last change
     */
    public record State(WorkOrderState state, Instant updatedAt) {
    }

    private final Clock clock;
    private final Map<String, DeskBehaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, Entry> byNo = new LinkedHashMap<>();
    private final Map<String, String> noByOrder = new LinkedHashMap<>();
    private final AtomicInteger creates = new AtomicInteger();
    private volatile DeskBehaviour fallback = DeskBehaviour.answering(Duration.ofMinutes(1), Duration.ofMinutes(10), FileType.PDF);

    Desk(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param department department code
     * @param behaviour  its behaviour for requests created from now on
     * @return this
     */
    public Desk behave(String department, DeskBehaviour behaviour) {
        behaviours.put(department, behaviour);
        return this;
    }

    /**
     * @param behaviour behaviour of departments without their own (default: accept after 1 min, PDF after 10 min)
     * @return this
     */
    public Desk behaveByDefault(DeskBehaviour behaviour) {
        this.fallback = behaviour;
        return this;
    }

    /** @return how many requests were actually created (repeated order ids do not count) */
    public int created() {
        return creates.get();
    }

    /** @return every request, in creation order */
    public synchronized List<Entry> entries() {
        return new ArrayList<>(byNo.values());
    }

    synchronized Entry create(String orderId, String department, String kind) {
        String existing = noByOrder.get(orderId);
        if (existing != null) {
            return byNo.get(existing);
        }
        String no = "DR" + String.format("%08d", creates.incrementAndGet());
        Entry e = new Entry(no, orderId, department, kind, behaviours.getOrDefault(department, fallback), clock.instant(), null);
        byNo.put(no, e);
        noByOrder.put(orderId, no);
        return e;
    }

    synchronized Optional<Entry> byRequestNo(String no) {
        return Optional.ofNullable(byNo.get(no));
    }

    synchronized Optional<Entry> byOrderId(String orderId) {
        String no = noByOrder.get(orderId);
        return no == null ? Optional.empty() : Optional.ofNullable(byNo.get(no));
    }

    /**
     * @param e an entry
     * @return its state now
     */
    public State state(Entry e) {
        Instant now = clock.instant();
        State s = natural(e, now);
        if (e.cancelledAt() != null && (!s.state().terminal() || s.updatedAt().isAfter(e.cancelledAt()))) {
            return new State(WorkOrderState.CANCELLED, e.cancelledAt());
        }
        return s;
    }

    private static State natural(Entry e, Instant now) {
        DeskBehaviour b = e.behaviour();
        Instant created = e.createdAt();
        switch (b.mode()) {
            case ANSWER: {
                Instant done = created.plus(b.actAfter());
                Instant accepted = created.plus(b.acceptAfter());
                if (!now.isBefore(done)) {
                    return new State(WorkOrderState.COMPLETED, done);
                }
                if (!now.isBefore(accepted)) {
                    return new State(WorkOrderState.ACCEPTED, accepted);
                }
                return new State(WorkOrderState.SUBMITTED, created);
            }
            case RETURN: {
                Instant at = created.plus(b.actAfter());
                return !now.isBefore(at) ? new State(WorkOrderState.RETURNED, at) : new State(WorkOrderState.SUBMITTED, created);
            }
            default:
                return new State(WorkOrderState.SUBMITTED, created);
        }
    }

    /**
     * @param no request number
     * @return the entry after cancellation, or empty if unknown
     * @throws IllegalStateException if it already ended
     */
    synchronized Optional<Entry> cancel(String no) {
        Entry e = byNo.get(no);
        if (e == null) {
            return Optional.empty();
        }
        if (state(e).state().terminal()) {
            throw new IllegalStateException("already " + state(e).state());
        }
        Entry c = new Entry(e.requestNo(), e.orderId(), e.department(), e.kind(), e.behaviour(), e.createdAt(), clock.instant());
        byNo.put(no, c);
        return Optional.of(c);
    }
}
