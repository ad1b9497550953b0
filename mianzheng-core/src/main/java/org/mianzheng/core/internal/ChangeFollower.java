package org.mianzheng.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.spi.AuditStore;
import org.mianzheng.core.accounts.DefaultAccountService;
import org.mianzheng.core.consent.DefaultConsentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the audit chain for changes that other engines on the same stores made to what this engine caches, and
 * applies them: a consent granted or revoked (the case's consents are read again; a revocation takes effect at once
 * and evicts the licences it covered) and an account deregistered. The chain is the one place every engine writes
 * every change to, in order, before the change is stored, so following it bounds how long another engine's
 * revocation or deregistration can go unseen here: one polling interval plus the time to read and apply what came.
 *
 * <p>A change that cannot be applied now — the store cannot be read, or does not show a granted consent yet (the
 * chain records first) — is tried again on the following polls for {@value #RETRY_MINUTES} minutes, then given up
 * with a warning. Reading here is the engine's own bookkeeping, not a user reading the log, and is not recorded as
 * {@code AUDIT_READ}. This engine's own changes come round as well; applying them again changes nothing. Thread-safe:
 * polls are serialised.
 */
public final class ChangeFollower {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);
    /** Events read per store call; a poll reads until a page comes back short. */
    static final int PAGE = 500;
    /** How long a change that could not be applied is tried again. */
    static final int RETRY_MINUTES = 5;
    private static final long RETRY_NANOS = Duration.ofMinutes(RETRY_MINUTES).toNanos();

    private final AuditStore store;
    private final String storeId;
    private final DefaultConsentService consents;
    private final DefaultAccountService accounts;
    /** Changes to apply again (by sequence), each with its deadline ({@link System#nanoTime()}). */
    private final Map<Long, Retry> retries = new LinkedHashMap<>();
    private long seen;

    private record Retry(AuditEvent event, long deadlineNanos) {
    }

    /**
     * Starts after the given event: what came before is what the stores held when this engine started (its caches were
     * filled from the stores after that). The engine passes the head its audit chain read when it was made, so that
     * no event appended after it is skipped, even if the store cannot be read when the follower is made.
     *
     * @param store    the engine's audit store
     * @param consents the consent service whose caches follow
     * @param accounts the account service whose cache follows
     * @param after    the sequence to start after
     */
    public ChangeFollower(AuditStore store, DefaultConsentService consents, DefaultAccountService accounts, long after) {
        this.store = store;
        this.storeId = store.getClass().getName();
        this.consents = consents;
        this.accounts = accounts;
        this.seen = after;
    }

    /** @return the sequence of the last event looked at */
    public synchronized long seen() {
        return seen;
    }

    /** @return the changes waiting to be tried again */
    public synchronized int retrying() {
        return retries.size();
    }

    /**
     * Tries again what could not be applied before, then reads the events appended since the last poll, page by page
     * until a page comes back short, and applies the consent and account changes among them.
     *
     * @return the changes applied (consents granted or revoked, accounts deregistered), including those applied on a
     *         retry
     * @throws org.mianzheng.api.AdapterException if the audit store cannot be read (the next poll starts where this
     *                                            one stopped)
     */
    public synchronized int poll() {
        int applied = retry();
        while (true) {
            List<AuditEvent> batch = Guard.call(storeId, "read", () -> store.read(seen + 1, PAGE));
            int fresh = 0;
            for (AuditEvent e : batch) {
                if (e.sequence() <= seen) {
                    continue;
                }
                fresh++;
                if (relevant(e)) {
                    Outcome o = apply(e);
                    if (o == Outcome.APPLIED) {
                        applied++;
                    } else if (o == Outcome.LATER) {
                        retries.putIfAbsent(e.sequence(), new Retry(e, System.nanoTime() + RETRY_NANOS));
                    }
                }
                seen = e.sequence();
            }
            if (fresh == 0 || batch.size() < PAGE) {
                return applied;
            }
        }
    }

    private static boolean relevant(AuditEvent e) {
        return switch (e.type()) {
            case CONSENT_GRANTED, CONSENT_REVOKED -> e.bizNo() != null && e.detail().get("consent") != null;
            case ACCOUNT_DEREGISTERED -> e.detail().get("operator") != null;
            default -> false;
        };
    }

    /** What became of a change. */
    private enum Outcome {
        /** It took effect here. */
        APPLIED,
        /** Not yet: the store could not be read, or does not show the granted consent yet. */
        LATER,
        /** It never can: malformed. */
        SKIPPED
    }

    private Outcome apply(AuditEvent e) {
        try {
            return switch (e.type()) {
                case CONSENT_GRANTED -> consents.changedElsewhere(e.bizNo(), e.detail().get("consent"), null, null) ? Outcome.APPLIED : Outcome.LATER;
                case CONSENT_REVOKED -> {
                    consents.changedElsewhere(e.bizNo(), e.detail().get("consent"), e.at(), e.actor());
                    yield Outcome.APPLIED;
                }
                case ACCOUNT_DEREGISTERED -> {
                    accounts.deregisteredElsewhere(e.detail().get("operator"), e.at());
                    yield Outcome.APPLIED;
                }
                default -> Outcome.SKIPPED;
            };
        } catch (org.mianzheng.api.AdapterException | org.mianzheng.api.StoreException unavailable) {
            LOG.warn("audit event {} ({}) could not be applied to this engine's caches yet: {}", e.sequence(), e.type(), unavailable.toString());
            return Outcome.LATER;
        } catch (RuntimeException invalid) { // a change that can never be applied must not stop the others
            LOG.warn("audit event {} ({}) cannot be applied to this engine's caches: {}", e.sequence(), e.type(), invalid.toString());
            return Outcome.SKIPPED;
        }
    }

    private int retry() {
        int applied = 0;
        long now = System.nanoTime();
        List<Long> done = new ArrayList<>();
        for (Map.Entry<Long, Retry> en : retries.entrySet()) {
            Retry r = en.getValue();
            Outcome o = apply(r.event());
            if (o != Outcome.LATER) {
                applied += o == Outcome.APPLIED ? 1 : 0;
                done.add(en.getKey());
            } else if (now - r.deadlineNanos() >= 0) {
                LOG.warn("audit event {} ({}) could not be applied to this engine's caches within {} minutes; given up", r.event().sequence(),
                        r.event().type(), RETRY_MINUTES);
                done.add(en.getKey());
            }
        }
        done.forEach(retries::remove);
        return applied;
    }
}
