package org.mianzheng.core.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mianzheng.api.CatalogException;
import org.mianzheng.api.CatalogException.Reason;
import org.mianzheng.api.CatalogFiling;
import org.mianzheng.api.Department;
import org.mianzheng.api.ExemptionCatalog;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.api.LicenseType;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.Plan;
import org.mianzheng.api.ServiceItem;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.spi.CatalogStore;
import org.mianzheng.core.internal.Guard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link ExemptionCatalog}: every version kept in memory (as-of reads by binary search over the
 * filing instants), filings written to the {@link CatalogStore} before they take effect. Writers are serialised;
 * readers are lock-free.
 */
public final class DefaultExemptionCatalog implements ExemptionCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultExemptionCatalog.class);

    private final Clock clock;
    private final CatalogStore store;
    private final String storeId;
    private final Object writeLock = new Object();
    /** Immutable history, replaced on every filing. */
    private volatile Versions versions;
    private volatile org.mianzheng.core.internal.ActGuard guard = org.mianzheng.core.internal.ActGuard.NONE;

    private record Versions(CatalogState[] states, Instant[] instants, List<CatalogFiling> filings) {
    }

    /**
     * Replays the store.
     *
     * @param clock the engine clock
     * @param store where filings live
     * @throws StoreException if a stored filing cannot be replayed
     */
    public DefaultExemptionCatalog(Clock clock, CatalogStore store) {
        this.clock = clock;
        this.store = store;
        this.storeId = store.getClass().getName();
        List<CatalogFiling> stored = Guard.call(storeId, "loadAll", store::loadAll);
        CatalogState state = CatalogState.EMPTY;
        List<CatalogState> states = new ArrayList<>();
        states.add(state);
        for (CatalogFiling f : stored) {
            if (f.sequence() != state.version + 1) {
                throw new StoreException("catalog store has filing " + f.sequence() + " after version " + state.version);
            }
            try {
                state = state.apply(new FilingRequest(f.departmentCode(), f.operatorId(), f.reason(), f.legalBasis(), f.changes()),
                        f.sequence(), f.filedAt());
            } catch (MianzhengException e) {
                throw new StoreException("stored catalog filing " + f.sequence() + " cannot be replayed: " + e.getMessage(), e);
            }
            states.add(state);
        }
        this.versions = build(states, List.copyOf(stored));
    }

    private static Versions build(List<CatalogState> states, List<CatalogFiling> filings) {
        CatalogState[] s = states.toArray(new CatalogState[0]);
        Instant[] t = new Instant[s.length];
        for (int i = 0; i < s.length; i++) {
            t[i] = s[i].effectiveAt;
        }
        return new Versions(s, t, filings);
    }

    /** @param guard account and audit hooks (bound once the engine is built) */
    public void bind(org.mianzheng.core.internal.ActGuard guard) {
        this.guard = guard;
    }

    @Override
    public CatalogFiling file(FilingRequest request) {
        org.mianzheng.core.internal.NewText.check(request, "filing"); // new text, checked before anything is recorded
        synchronized (writeLock) {
            Versions v = versions;
            CatalogState current = v.states[v.states.length - 1];
            if (current.version > 0) { // the first filing bootstraps the departments accounts belong to
                guard.authorize(request.operatorId(), org.mianzheng.api.Role.CATALOG_ADMIN, request.departmentCode(), null, "file a catalog change");
            }
            Instant now = clock.instant();
            if (now.isBefore(current.effectiveAt)) {
                now = current.effectiveAt; // never let versions go back in time
            }
            long seq = current.version + 1;
            CatalogState next = current.apply(request, seq, now);
            CatalogFiling filing = new CatalogFiling(seq, now, request.departmentCode(), request.operatorId(), request.reason(),
                    request.legalBasis(), request.changes());
            guard.audit(org.mianzheng.api.AuditType.CATALOG_FILED, request.operatorId(), null, null, java.util.Map.of("sequence", Long.toString(seq),
                    "department", request.departmentCode(), "reason", request.reason(), "legalBasis", request.legalBasis(),
                    "changes", Integer.toString(request.changes().size())));
            Guard.run(storeId, "append", () -> store.append(filing));
            List<CatalogState> states = new ArrayList<>(List.of(v.states));
            states.add(next);
            List<CatalogFiling> filings = new ArrayList<>(v.filings);
            filings.add(filing);
            versions = build(states, List.copyOf(filings));
            LOG.info("catalog filing {} by department {}: {} change(s), {} item(s) in force", seq, request.departmentCode(),
                    request.changes().size(), next.items.size());
            return filing;
        }
    }

    @Override
    public long version() {
        Versions v = versions;
        return v.states[v.states.length - 1].version;
    }

    @Override
    public Plan plan(String itemCode) {
        Versions v = versions;
        return plan(v.states[v.states.length - 1], itemCode);
    }

    @Override
    public Plan plan(String itemCode, Instant asOf) {
        return plan(stateAt(asOf), itemCode);
    }

    private static Plan plan(CatalogState s, String itemCode) {
        Plan p = s.plans.get(itemCode);
        if (p == null) {
            throw new CatalogException(Reason.UNKNOWN_ITEM, null, "no item " + safe(itemCode) + " in catalog version " + s.version);
        }
        return p;
    }

    private static String safe(String code) {
        if (code == null) {
            return "<null>";
        }
        String c = code.length() > 64 ? code.substring(0, 64) + "…" : code;
        return c.replaceAll("\\p{Cntrl}", "?");
    }

    /** Last state whose effective instant is at or before {@code asOf}. */
    CatalogState stateAt(Instant asOf) {
        if (asOf == null) {
            throw new CatalogException(Reason.INVALID_VALUE, null, "asOf must not be null");
        }
        Versions v = versions;
        Instant[] t = v.instants;
        int last = t.length - 1;
        if (t[last].compareTo(asOf) <= 0) {
            return v.states[last]; // the common case: asking about now
        }
        int lo = 1;
        int hi = t.length - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid].compareTo(asOf) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return v.states[found];
    }

    @Override
    public Optional<ServiceItem> item(String itemCode, Instant asOf) {
        return Optional.ofNullable(stateAt(asOf).items.get(itemCode));
    }

    @Override
    public List<ServiceItem> items(Instant asOf) {
        return stateAt(asOf).items.values().stream().sorted(Comparator.comparing(ServiceItem::code)).toList();
    }

    @Override
    public Optional<Department> department(String code, Instant asOf) {
        return Optional.ofNullable(stateAt(asOf).departments.get(code));
    }

    @Override
    public List<Department> departments(Instant asOf) {
        return stateAt(asOf).departments.values().stream().sorted(Comparator.comparing(Department::code)).toList();
    }

    @Override
    public Optional<LicenseType> licenseType(String code, Instant asOf) {
        return Optional.ofNullable(stateAt(asOf).licenseTypes.get(code));
    }

    @Override
    public List<CatalogFiling> history() {
        return versions.filings;
    }

    @Override
    public List<CatalogFiling> history(String itemCode) {
        return versions.filings.stream().filter(f -> f.touches(itemCode)).toList();
    }
}
