package org.mianzheng.core.internal;

import java.util.Iterator;
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
 * revocation or deregistration can go unseen here: one polling interval plus a read.
 *
 * <p>Reading here is the engine's own bookkeeping, not a user reading the log, and is not recorded as
 * {@code AUDIT_READ}. This engine's own changes come round as well; applying them again changes nothing. Thread-safe:
 * polls are serialised.
 */
public final class ChangeFollower {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);
    /** Events read per store call. */
    static final int PAGE = 500;
    /** Pages read per poll at most; the rest waits for the next poll. */
    static final int MAX_PAGES = 20;
    /** Polls for which a granted consent the store did not show yet is looked for again. */
    static final int GRANT_RETRIES = 60;

    private final AuditStore store;
    private final String storeId;
    private final DefaultConsentService consents;
    private final DefaultAccountService accounts;
    /** Granted consents (id → case) the store did not show yet when their event was read, with the polls left. */
    private final Map<String, Pending> pendingGrants = new LinkedHashMap<>();
    private long seen;

    private static final class Pending {
        final String bizNo;
        int pollsLeft = GRANT_RETRIES;

        Pending(String bizNo) {
            this.bizNo = bizNo;
        }
    }

    /**
     * Starts after the last event stored now: what came before is what the stores held when this engine started.
     *
     * @param store    the engine's audit store
     * @param consents the consent service whose caches follow
     * @param accounts the account service whose cache follows
     */
    public ChangeFollower(AuditStore store, DefaultConsentService consents, DefaultAccountService accounts) {
        this.store = store;
        this.storeId = store.getClass().getName();
        this.consents = consents;
        this.accounts = accounts;
        long start = -1;
        try {
            start = lastStored();
        } catch (RuntimeException e) { // the engine starts all the same; the first poll that can read the store starts there
            LOG.warn("audit store {} could not be read at start; following the chain starts with the first poll that can: {}", storeId,
                    e.toString());
        }
        this.seen = start;
    }

    private long lastStored() {
        return Guard.call(storeId, "last", store::last).map(AuditEvent::sequence).orElse(0L);
    }

    /** @return the sequence of the last event looked at; -1 until the store could be read */
    public synchronized long seen() {
        return seen;
    }

    /**
     * Reads the events appended since the last poll (up to {@value #MAX_PAGES} × {@value #PAGE}) and applies the
     * consent and account changes among them.
     *
     * @return the changes applied (granted and revoked consents, deregistered accounts, and grants found on a retry)
     * @throws org.mianzheng.api.AdapterException if the store cannot be read (the next poll starts where this one
     *                                            stopped)
     */
    public synchronized int poll() {
        if (seen < 0) {
            seen = lastStored();
        }
        int applied = retryGrants();
        for (int page = 0; page < MAX_PAGES; page++) {
            List<AuditEvent> batch = Guard.call(storeId, "read", () -> store.read(seen + 1, PAGE));
            int fresh = 0;
            for (AuditEvent e : batch) {
                if (e.sequence() <= seen) {
                    continue;
                }
                fresh++;
                applied += apply(e);
                seen = e.sequence();
            }
            if (fresh == 0 || batch.size() < PAGE) {
                break;
            }
        }
        return applied;
    }

    private int apply(AuditEvent e) {
        try {
            switch (e.type()) {
                case CONSENT_GRANTED -> {
                    String id = e.detail().get("consent");
                    if (id == null || e.bizNo() == null) {
                        return 0;
                    }
                    if (!consents.changedElsewhere(e.bizNo(), id, null, null)) {
                        pendingGrants.put(id, new Pending(e.bizNo())); // audited first, stored next: look again later
                    }
                    return 1;
                }
                case CONSENT_REVOKED -> {
                    String id = e.detail().get("consent");
                    if (id == null || e.bizNo() == null) {
                        return 0;
                    }
                    pendingGrants.remove(id);
                    consents.changedElsewhere(e.bizNo(), id, e.at(), e.actor());
                    return 1;
                }
                case ACCOUNT_DEREGISTERED -> {
                    String id = e.detail().get("operator");
                    if (id == null) {
                        return 0;
                    }
                    accounts.deregisteredElsewhere(id, e.at());
                    return 1;
                }
                default -> {
                    return 0;
                }
            }
        } catch (RuntimeException ex) { // one change that cannot be applied must not stop the others
            LOG.warn("audit event {} ({}) could not be applied to this engine's caches: {}", e.sequence(), e.type(), ex.toString());
            return 0;
        }
    }

    private int retryGrants() {
        int found = 0;
        for (Iterator<Map.Entry<String, Pending>> it = pendingGrants.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Pending> en = it.next();
            Pending p = en.getValue();
            boolean ok;
            try {
                ok = consents.changedElsewhere(p.bizNo, en.getKey(), null, null);
            } catch (RuntimeException ex) {
                LOG.warn("consent {} of case {}: could not read it again: {}", en.getKey(), p.bizNo, ex.toString());
                ok = false;
            }
            if (ok) {
                found++;
                it.remove();
            } else if (--p.pollsLeft <= 0) {
                LOG.warn("consent {} of case {} was granted in the audit chain but never appeared in the consent store", en.getKey(), p.bizNo);
                it.remove();
            }
        }
        return found;
    }
}
