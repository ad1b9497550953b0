package org.mianzheng.core.audit;

import java.time.Clock;
import java.time.Instant;
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
 * The audit chain: one linear hash chain; appends are serialised. {@link #append} is fail-closed: it throws
 * {@link AuditException} if the event could not be stored, and the caller must then not release data.
 */
public final class AuditChain implements AuditLog {
    private static final int PAGE = 1_000;

    private final Clock clock;
    private final AuditStore store;
    private final String storeId;
    private DefaultAccountService accounts;
    private final Object lock = new Object();
    private long lastSequence;
    private String lastHash;
    private Instant lastAt;

    /**
     * @param clock engine clock
     * @param store storage
     */
    public AuditChain(Clock clock, AuditStore store) {
        this.clock = clock;
        this.store = store;
        this.storeId = store.getClass().getName();
        Optional<AuditEvent> last = guarded(store::last);
        this.lastSequence = last.map(AuditEvent::sequence).orElse(0L);
        this.lastHash = last.map(AuditEvent::hash).orElse(AuditEvent.GENESIS);
        this.lastAt = last.map(AuditEvent::at).orElse(Instant.EPOCH);
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
        synchronized (lock) {
            Instant now = clock.instant();
            if (now.isBefore(lastAt)) {
                now = lastAt; // time never goes backwards within the chain
            }
            AuditEvent e = AuditEvent.link(lastSequence + 1, now, record, lastHash);
            guarded(() -> {
                store.append(List.of(e));
                return Boolean.TRUE;
            });
            lastSequence = e.sequence();
            lastHash = e.hash();
            lastAt = e.at();
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

    @Override
    public AuditHead head() {
        synchronized (lock) {
            return new AuditHead(lastSequence, lastHash);
        }
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
        while (true) {
            long start = from;
            List<AuditEvent> page = guarded(() -> store.read(start, PAGE));
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
                if (!e.hashValid()) {
                    return new AuditVerification(false, checked, Problem.MODIFIED, e.sequence(),
                            "event " + e.sequence() + " does not match its hash");
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
            if (page.size() < PAGE) {
                break;
            }
        }
        if (!anchorSeen) {
            return new AuditVerification(false, checked, Problem.TRUNCATED, expected,
                    "chain ends at " + (expected - 1) + " but the anchor is at " + anchor.sequence());
        }
        return new AuditVerification(true, checked, null, null, "chain intact: " + checked + " events");
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
