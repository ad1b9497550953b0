package org.mianzheng.core.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditException;
import org.mianzheng.api.AuditHead;
import org.mianzheng.api.AuditLog;
import org.mianzheng.api.AuditRecord;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.AuditVerification;
import org.mianzheng.api.AuditVerification.Problem;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.Role;
import org.mianzheng.api.spi.AuditStore;
import org.mianzheng.core.accounts.DefaultAccountService;

/**
 * The audit chain: one linear hash chain, possibly with several writers.
 *
 * <p>Appends are <em>group-committed</em>: a caller that finds nobody writing and nothing queued becomes the writer
 * with one compare-and-set and writes its records at once, taking no lock; otherwise callers enqueue their records,
 * and one caller at a time is the writer: it links everything queued so far on the current head and stores it with
 * one {@link AuditStore#append} call (one transaction), then wakes every caller whose event was written. The others
 * wait without taking part; when the writer's own records are stored it leaves and wakes the waiting callers, and one
 * whose records are still queued (their batch has grown meanwhile) writes next.
 *
 * <p>Several processes may append to one store. The head kept here is only a hint: when the store refuses a batch
 * (another process appended first), the chain reads the store's last event, links the batch again on it and retries
 * (bounded). If the batch turns out to be stored already (the write succeeded but its answer was lost), that is
 * success. Otherwise the failure is real and {@link #append} throws.
 *
 * <p>{@link #append} is fail-closed: it throws {@link AuditException} if the event could not be stored, and the caller
 * must then not release data. When a batch of several callers fails for a reason other than a conflict, each event
 * is tried alone, so one unstorable event does not fail its neighbours.
 */
public final class AuditChain implements AuditLog {
    private static final java.lang.invoke.VarHandle WRITING;
    private static final java.lang.invoke.VarHandle BATCHES;
    private static final java.lang.invoke.VarHandle CONFLICTS;

    static {
        try {
            java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.lookup();
            WRITING = lookup.findVarHandle(AuditChain.class, "writing", boolean.class);
            BATCHES = lookup.findVarHandle(AuditChain.class, "batches", long.class);
            CONFLICTS = lookup.findVarHandle(AuditChain.class, "conflicts", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int PAGE = 1_000;
    /** Largest number of events stored in one call. */
    public static final int MAX_BATCH = 1_000;
    /** Conflicts (other writers first) tolerated for one batch before giving up. */
    static final int MAX_CONFLICTS = 1_000;

    private final Clock clock;
    private final AuditStore store;
    private final String storeId;
    private DefaultAccountService accounts;
    /** Guards the queue; waiters wait on it. */
    private final Object monitor = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** The last sequence the store held when this chain was made. */
    private final long startSequence;
    /** The queue's size, written under the monitor, read without it. */
    private volatile int queued;
    /** Whether a caller is writing: taken by compare-and-set ({@link #claim}), given back by {@link #release}. */
    private volatile boolean writing;
    /** Callers in {@code monitor.wait()}, or about to be; written under the monitor, read without it. */
    private volatile int waiting;
    // chain head: read and written only by the current writer (handed over through the volatile writing)
    private long lastSequence;
    private String lastHash;
    private Instant lastAt;
    /** Written by the current writer only, with release stores (no fence): readers see them soon, not at once. */
    private volatile long batches;
    private volatile long conflicts;
    /** Size of the last batch written: a writer that finds far fewer queued yields briefly so that callers just woken can join. */
    private int lastBatch;

    /** One caller's record and, once written, its event or failure ({@code done} published last). */
    private static final class Pending {
        final AuditRecord record;
        /** When the act happened, as the caller read the engine clock; {@code null}: when it is linked. */
        final Instant at;
        AuditEvent event;
        AuditException failure;
        volatile boolean done;

        Pending(AuditRecord record, Instant at) {
            this.record = record;
            this.at = at;
        }
    }

    /**
     * @param clock engine clock
     * @param store storage
     */
    public AuditChain(Clock clock, AuditStore store) {
        this.clock = clock;
        this.store = store;
        this.storeId = store.getClass().getName();
        Optional<AuditEvent> last = guarded(store::last);
        adopt(last.orElse(null));
        this.startSequence = lastSequence;
    }

    /** @return the sequence of the last event the store held when this chain was made (0 for an empty log) */
    public long startSequence() {
        return startSequence;
    }

    private void adopt(AuditEvent last) {
        this.lastSequence = last == null ? 0L : last.sequence();
        this.lastHash = last == null ? AuditEvent.GENESIS : last.hash();
        this.lastAt = last == null ? Instant.EPOCH : last.at();
    }

    /** @param accounts the account service, for the reader check (set once while the engine is built) */
    public void bindAccounts(DefaultAccountService accounts) {
        this.accounts = accounts;
    }

    private <T> T guarded(java.util.function.Supplier<T> s) {
        try {
            T t = s.get();
            if (t == null) {
                throw new AuditException("audit store " + storeId + " returned null", null);
            }
            return t;
        } catch (AuditException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AuditException("audit store " + storeId + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Appends one event.
     *
     * @param record what to record
     * @return the event as stored
     * @throws AuditException if it could not be stored (nothing was recorded)
     */
    public AuditEvent append(AuditRecord record) {
        return append(record, null);
    }

    /**
     * Appends one event of an act at a time the caller read from the engine clock for that act, so that the act reads
     * the clock once. The event's time is that, or the chain's last event's time if that is later: time never goes
     * backwards within the chain.
     *
     * @param record what to record
     * @param at     the engine clock's {@code instant()} for the act, or {@code null} to read it now
     * @return the event as stored
     * @throws AuditException if it could not be stored (nothing was recorded)
     */
    public AuditEvent append(AuditRecord record, Instant at) {
        Pending p = new Pending(InvalidValueException.requireNonNull(record, "record"), at);
        await(List.of(p));
        if (p.failure != null) {
            throw new AuditException(p.failure.getMessage(), p.failure);
        }
        return p.event;
    }

    /**
     * Appends several events, in this order, in as few store calls as possible (one for up to {@link #MAX_BATCH}).
     * Other callers' events may be interleaved.
     *
     * @param records what to record
     * @return the events as stored
     * @throws AuditException if any could not be stored (those before it are stored)
     */
    public List<AuditEvent> appendAll(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<Pending> mine = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            mine.add(new Pending(InvalidValueException.requireNonNull(r, "record"), null));
        }
        await(mine);
        List<AuditEvent> out = new ArrayList<>(mine.size());
        for (Pending p : mine) {
            if (p.failure != null) {
                throw new AuditException(p.failure.getMessage(), p.failure);
            }
            out.add(p.event);
        }
        return out;
    }

    /**
     * Returns when all the records are done: written directly when nobody else is writing or queued (the uncontended
     * path: no queue, no lock, one compare-and-set), otherwise enqueued and done as a waiter or as the next writer.
     *
     * <p>Who writes is decided by a compare-and-set on {@code writing}; the queue and the waiting are under the
     * monitor. A writer leaving sets {@code writing} false and then reads {@code waiting}; a caller about to wait
     * counts itself in {@code waiting} and then reads {@code writing} (both volatile): one of them sees the other, so
     * either the caller does not wait or the writer wakes it.
     */
    private void await(List<Pending> mine) {
        if (queued == 0 && claim()) {
            try {
                if (mine.size() <= MAX_BATCH) {
                    flush(mine);
                } else {
                    for (int from = 0; from < mine.size(); from += MAX_BATCH) {
                        flush(mine.subList(from, Math.min(mine.size(), from + MAX_BATCH)));
                    }
                }
                lastBatch = Math.min(mine.size(), MAX_BATCH);
            } finally {
                release();
            }
            return;
        }
        Pending last = mine.get(mine.size() - 1);
        synchronized (monitor) {
            queue.addAll(mine);
            queued = queue.size();
        }
        boolean interrupted = false;
        try {
            while (!last.done) {
                if (claim()) {
                    // a wait both notified and interrupted may return with the interrupt still pending: keep it from
                    // the store (a JDBC driver may give up on an interrupted thread) and give it back at the end
                    interrupted |= Thread.interrupted();
                    try {
                        drain(last);
                    } finally {
                        release();
                    }
                    return;
                }
                synchronized (monitor) {
                    waiting++;
                    try {
                        while (!last.done && writing) {
                            try {
                                monitor.wait();
                            } catch (InterruptedException e) {
                                interrupted = true; // our records are queued: wait for them all the same
                            }
                        }
                    } finally {
                        waiting--;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return records queued for the next writer (for tests) */
    int queuedRecords() {
        return queued;
    }

    /** @return callers waiting for a writer (for tests) */
    int waitingCallers() {
        return waiting;
    }

    /** @return whether this caller became the writer */
    private boolean claim() {
        return !writing && WRITING.compareAndSet(this, false, true);
    }

    /** Stops writing and wakes the waiters: one of them writes next if its records are still queued. */
    private void release() {
        writing = false;
        wakeWaiters();
    }

    private void wakeWaiters() {
        if (waiting > 0) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /** As the writer: writes queued batches until {@code last} is done, waking the callers of each. */
    private void drain(Pending last) {
        while (!last.done) {
            List<Pending> batch = new ArrayList<>();
            for (int i = 0; i < 8 && queued * 2 < lastBatch; i++) {
                Thread.yield(); // callers woken by the last batch are re-entering: a few yields let their records join this one
            }
            synchronized (monitor) {
                Pending next;
                while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                    batch.add(next);
                }
                queued = queue.size();
            }
            lastBatch = batch.size();
            if (batch.isEmpty()) {
                if (!last.done) { // not queued and not done: nobody else will complete it
                    failUnfinished(List.of(last), new IllegalStateException("audit record lost from the queue"));
                }
                continue;
            }
            flush(batch);
            wakeWaiters();
        }
    }

    /** Writes a batch; completes every entry. Called by the writer only. */
    private void flush(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        BATCHES.setRelease(this, batches + 1);
        try {
            write(batch);
        } catch (HeadUnknownException e) {
            fail(batch, e); // the batch may or may not be stored: rewriting it event by event could store it twice
            return;
        } catch (AuditException e) {
            if (batch.size() == 1) {
                fail(batch, e);
                return;
            }
            for (Pending p : batch) { // isolate the event the store cannot take
                try {
                    write(List.of(p));
                } catch (AuditException single) {
                    fail(List.of(p), single);
                } catch (RuntimeException | Error other) {
                    failUnfinished(batch, other);
                    if (other instanceof Error error) {
                        throw error;
                    }
                    return;
                }
            }
        } catch (RuntimeException | Error other) {
            failUnfinished(batch, other); // never leave a caller waiting for an entry nobody will complete
            if (other instanceof Error error) {
                throw error;
            }
        }
    }

    /** A store failure after which the head could not be read: whether the batch was stored is unknown. */
    private static final class HeadUnknownException extends AuditException {
        private static final long serialVersionUID = 1L;

        HeadUnknownException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void failUnfinished(List<Pending> batch, Throwable cause) {
        AuditException e = new AuditException("audit append failed: " + cause.getClass().getSimpleName(), cause);
        for (Pending p : batch) {
            if (!p.done) {
                p.failure = e;
                p.done = true;
            }
        }
    }

    private static void fail(List<Pending> batch, AuditException e) {
        for (Pending p : batch) {
            p.failure = e;
            p.done = true;
        }
    }

    /** Links and stores the batch, relinking on conflicts; completes it or throws. Called by the writer only. */
    private void write(List<Pending> batch) {
        int conflictsHere = 0;
        while (true) {
            List<AuditEvent> events = link(batch);
            RuntimeException failure;
            try {
                store.append(events);
                complete(batch, events);
                return;
            } catch (RuntimeException e) {
                failure = e;
            }
            AuditEvent head;
            try {
                head = guarded(store::last).orElse(null);
            } catch (AuditException unknown) {
                throw new HeadUnknownException("audit store " + storeId + " failed and its head cannot be read: " + failure.getMessage(), failure);
            }
            long headSeq = head == null ? 0 : head.sequence();
            AuditEvent mineLast = events.get(events.size() - 1);
            if (headSeq == lastSequence && (head == null ? AuditEvent.GENESIS : head.hash()).equals(lastHash)) {
                throw new AuditException("audit store " + storeId + " failed: " + failure.getMessage(), failure);
            }
            boolean stored;
            try {
                stored = headSeq >= mineLast.sequence() && storedAlready(events);
            } catch (AuditException unreadable) { // it may be stored: writing it again, event by event, could store it twice
                throw new HeadUnknownException("audit store " + storeId + " failed and whether the batch was stored cannot be read: "
                        + failure.getMessage(), failure);
            }
            if (stored) {
                complete(batch, events); // written, but the answer was lost
                return;
            }
            if (headSeq < lastSequence) {
                throw new AuditException("audit store " + storeId + " went back from event " + lastSequence + " to " + headSeq, failure);
            }
            if (++conflictsHere > MAX_CONFLICTS) {
                throw new AuditException("audit store " + storeId + ": gave up after " + MAX_CONFLICTS + " conflicts with other writers", failure);
            }
            CONFLICTS.setRelease(this, conflicts + 1);
            adopt(head); // another writer appended first: link again on its head
        }
    }

    private boolean storedAlready(List<AuditEvent> events) {
        List<AuditEvent> stored = guarded(() -> store.read(events.get(0).sequence(), events.size()));
        if (stored.size() != events.size()) {
            return false;
        }
        for (int i = 0; i < events.size(); i++) {
            if (!stored.get(i).hash().equals(events.get(i).hash())) {
                return false;
            }
        }
        return true;
    }

    private List<AuditEvent> link(List<Pending> batch) {
        if (batch.size() == 1) { // the usual case when appends do not overlap
            Pending p = batch.get(0);
            Instant now = p.at != null ? p.at : clock.instant();
            return List.of(AuditEvent.link(lastSequence + 1, now.isBefore(lastAt) ? lastAt : now, p.record, lastHash));
        }
        List<AuditEvent> events = new ArrayList<>(batch.size());
        long seq = lastSequence;
        String prev = lastHash;
        Instant prevAt = lastAt;
        for (Pending p : batch) {
            Instant now = p.at != null ? p.at : clock.instant();
            if (now.isBefore(prevAt)) {
                now = prevAt; // time never goes backwards within the chain
            }
            AuditEvent e = AuditEvent.link(++seq, now, p.record, prev);
            events.add(e);
            prev = e.hash();
            prevAt = now;
        }
        return events;
    }

    private void complete(List<Pending> batch, List<AuditEvent> events) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).event = events.get(i);
            batch.get(i).done = true;
        }
        AuditEvent last = events.get(events.size() - 1);
        adopt(last);
    }

    /**
     * Takes back an act recorded before it was stored, whose store then refused it (another writer changed the record
     * first): appends an event of the same type with {@code event=NOT_SAVED}, the record's id, and the attempted
     * event's {@code event} and sequence ({@code attempted}, {@code attemptedSequence}); the reports undo that act.
     *
     * @param attempted the event of the act
     * @param actor     who attempted it
     * @param idKey     the detail key of the record's id ({@code order}, {@code complaint})
     * @param id        the record's id
     * @return {@code null} if recorded; otherwise why not, for the caller to attach to its exception (the log then
     *         keeps the act as if done)
     */
    public RuntimeException appendNotSaved(AuditEvent attempted, String actor, String idKey, String id) {
        try {
            append(attempted.type(), actor, attempted.bizNo(), attempted.subject(), Map.of("event", "NOT_SAVED", idKey, id, "attempted",
                    String.valueOf(attempted.detail().get("event")), "attemptedSequence", Long.toString(attempted.sequence())));
            return null;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AuditChain.class).warn("{} {}: event {} was not saved, and recording that failed: {}", idKey, id,
                    attempted.sequence(), e.toString());
            return e;
        }
    }

    /**
     * @param type    type
     * @param actor   actor
     * @param bizNo   case or {@code null}
     * @param subject subject or {@code null}
     * @param detail  detail
     * @return the stored event
     */
    public AuditEvent append(AuditType type, String actor, String bizNo, String subject, Map<String, String> detail) {
        return append(new AuditRecord(type, actor, bizNo, subject, detail));
    }

    /**
     * The head of the chain as stored (with several writers, it includes other processes' events).
     *
     * @return the head
     * @throws AuditException if the store cannot be read
     */
    @Override
    public AuditHead head() {
        Optional<AuditEvent> last = guarded(store::last);
        return last.map(e -> new AuditHead(e.sequence(), e.hash())).orElse(new AuditHead(0, AuditEvent.GENESIS));
    }

    /** @return store calls made for appends and conflicts met with other writers, for diagnostics and benchmarks */
    public long[] writeStatistics() {
        return new long[] {batches, conflicts};
    }

    @Override
    public AuditVerification verify() {
        return verify(null);
    }

    @Override
    public AuditVerification verify(AuditHead anchor) {
        long checked = 0;
        long expected = 1;
        String previousHash = AuditEvent.GENESIS;
        String beforePreviousHash = null;
        boolean anchorSeen = anchor == null || anchor.sequence() == 0;
        long from = 1;
        int limit = PAGE;
        while (true) {
            long start = from;
            int size = limit;
            List<AuditEvent> page;
            try {
                page = guarded(() -> store.read(start, size));
            } catch (AuditException failed) {
                int readable = readableRows(start, size);
                if (readable < 0) {
                    throw failed; // the store fails, not one of its events
                }
                if (readable > 0) {
                    limit = readable; // verify the events before the unreadable one first
                    continue;
                }
                return new AuditVerification(false, checked + 1, Problem.MODIFIED, start,
                        (start == 1 ? "the first event" : "the event after " + (start - 1)) + " cannot be read: " + failed.getMessage());
            }
            limit = PAGE;
            if (page.isEmpty()) {
                break;
            }
            for (int i = 0; i < page.size(); i++) {
                AuditEvent e = page.get(i);
                checked++;
                if (e.sequence() > expected && laterInPage(page, i, expected)) {
                    return new AuditVerification(false, checked, Problem.REORDERED, expected,
                            "event " + expected + " appears after event " + e.sequence());
                }
                if (e.sequence() < expected) {
                    Problem p = e.sequence() == expected - 1 ? Problem.INSERTED : Problem.REORDERED;
                    return new AuditVerification(false, checked, p, e.sequence(),
                            "event " + e.sequence() + " found after event " + (expected - 1));
                }
                if (e.sequence() > expected) {
                    return new AuditVerification(false, checked, Problem.REMOVED, expected,
                            "events " + expected + (e.sequence() - 1 > expected ? ".." + (e.sequence() - 1) : "") + " are missing");
                }
                if (!hashValid(e)) {
                    return moved(e, i + 1 < page.size() ? page.get(i + 1) : null, checked);
                }
                if (!e.previousHash().equals(previousHash)) {
                    boolean skipsOne = e.previousHash().equals(beforePreviousHash);
                    return new AuditVerification(false, checked, skipsOne ? Problem.INSERTED : Problem.MODIFIED, e.sequence() - (skipsOne ? 1 : 0),
                            skipsOne ? "event " + (e.sequence() - 1) + " was inserted into the chain"
                                    : "event " + e.sequence() + " does not link to event " + (e.sequence() - 1));
                }
                if (anchor != null && e.sequence() == anchor.sequence()) {
                    if (!e.hash().equals(anchor.hash())) {
                        return new AuditVerification(false, checked, Problem.MODIFIED, e.sequence(), "event " + e.sequence() + " differs from the anchor");
                    }
                    anchorSeen = true;
                }
                beforePreviousHash = previousHash;
                previousHash = e.hash();
                expected = e.sequence() + 1;
            }
            from = expected;
            if (page.size() < size) {
                break;
            }
        }
        if (!anchorSeen) {
            return new AuditVerification(false, checked, Problem.TRUNCATED, expected,
                    "chain ends at " + (expected - 1) + " but the anchor is at " + anchor.sequence());
        }
        return new AuditVerification(true, checked, null, null, "chain intact: " + checked + " events");
    }

    /** @return whether the event matches its hash; one whose check refuses its values (as read from a store) does not */
    private static boolean hashValid(AuditEvent e) {
        try {
            return e.hashValid();
        } catch (InvalidValueException unencodable) {
            return false;
        }
    }

    /** @return the event, as if stored at {@code sequence} */
    private static AuditEvent at(AuditEvent e, long sequence) {
        return new AuditEvent(sequence, e.at(), e.type(), e.actor(), e.bizNo(), e.subject(), e.detail(), e.previousHash(), e.hash());
    }

    /**
     * The report for an event that does not match its hash. A store's rows come back in sequence order whatever was
     * done to them, so a move shows here: when the content matches its hash under the sequence before or after its
     * own, the event was renumbered, and the report says by what (an event inserted before it, one removed before
     * it, or two swapped).
     */
    private static AuditVerification moved(AuditEvent e, AuditEvent next, long checked) {
        long s = e.sequence();
        if (s > 1 && hashValid(at(e, s - 1))) {
            return new AuditVerification(false, checked, Problem.INSERTED, s - 1,
                    "event " + (s - 1) + " was inserted: event " + s + " was event " + (s - 1) + " before");
        }
        if (s < Long.MAX_VALUE && hashValid(at(e, s + 1))) {
            if (next != null && next.sequence() == s + 1 && hashValid(at(next, s))) {
                return new AuditVerification(false, checked, Problem.REORDERED, s, "events " + s + " and " + (s + 1) + " were swapped");
            }
            return new AuditVerification(false, checked, Problem.REMOVED, s,
                    "event " + s + " was removed: event " + s + " was event " + (s + 1) + " before, and the later ones were renumbered");
        }
        return new AuditVerification(false, checked, Problem.MODIFIED, s, "event " + s + " does not match its hash");
    }

    /**
     * After reading {@code count} rows from {@code from} failed: how many of them can be read, the rows before the
     * first the store cannot read (found by halving), or −1 if the store fails whatever is asked of it (it is down,
     * not one of its events). Rows are counted, not numbered: a removed event shifts the rows after it.
     */
    private int readableRows(long from, int count) {
        int good = 0;
        int bad = count;
        while (bad - good > 1) {
            int mid = (good + bad) >>> 1;
            if (reads(from, mid)) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        // the store answers where there is nothing to read: it is up, and the row at good + 1 is what it cannot read
        return reads(Long.MAX_VALUE, 1) ? good : -1;
    }

    private boolean reads(long from, int count) {
        try {
            guarded(() -> store.read(from, count));
            return true;
        } catch (AuditException e) {
            return false;
        }
    }

    private static boolean laterInPage(List<AuditEvent> page, int from, long sequence) {
        for (int j = from + 1; j < page.size(); j++) {
            if (page.get(j).sequence() == sequence) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<AuditEvent> read(long fromSequence, int limit, String operatorId, String purpose) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidValueException("limit", "between 1 and 10,000");
        }
        InvalidValueException.requireText(purpose, "purpose");
        if (accounts == null) {
            throw new AccessDeniedException(org.mianzheng.api.ViolationKind.UNKNOWN_ACCOUNT, operatorId, "no accounts configured");
        }
        accounts.authorize(operatorId, Role.SUPERVISOR, null, "read the audit log");
        append(AuditType.AUDIT_READ, operatorId, null, null,
                Map.of("from", Long.toString(fromSequence), "limit", Integer.toString(limit), "purpose", purpose));
        try {
            return guarded(() -> store.read(Math.max(1, fromSequence), limit));
        } catch (MianzhengException e) {
            throw e;
        }
    }
}
