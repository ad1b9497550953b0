package org.mianzheng.core.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.mianzheng.api.Case;
import org.mianzheng.api.CaseException;
import org.mianzheng.api.CaseService;
import org.mianzheng.api.Codes;
import org.mianzheng.api.Consent;
import org.mianzheng.api.ConsentException;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.ConsentService;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.ExemptionCatalog;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.Operator;
import org.mianzheng.api.Plan;
import org.mianzheng.api.Role;
import org.mianzheng.api.spi.ConsentStore;
import org.mianzheng.core.OpeningHours;
import org.mianzheng.core.accounts.DefaultAccountService;
import org.mianzheng.core.audit.AuditChain;
import org.mianzheng.core.audit.AuditSubjects;
import org.mianzheng.core.internal.Guard;

/**
 * The engine's {@link ConsentService}. Keeps an index of each case's consents so that the retrieval check is a map
 * lookup; the index is loaded from the store on first use of a case.
 */
public final class DefaultConsentService implements ConsentService {
    /** The longest an on-site consent may run: it serves one case, not a standing authorisation. */
    public static final java.time.Duration MAX_VALIDITY = java.time.Duration.ofDays(366);

    private final Clock clock;
    private final ConsentStore store;
    private final String storeId;
    private final CaseService cases;
    private final ExemptionCatalog catalog;
    private final DefaultAccountService accounts;
    private final AuditChain audit;
    private final AuditSubjects subjects;
    private final OpeningHours openingHours;
    private final com.github.benmanes.caffeine.cache.Cache<String, List<Consent>> index =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000).build();
    /**
     * Revocations another engine recorded in the audit chain (consent id → revocation), applied to the consents read
     * from the store until the store shows them itself (the chain records a revocation before the store does), then
     * forgotten. Bounded by size only: if the revoking engine failed to store its revocation, the chain's word stands.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, Revocation> revokedElsewhere =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000).build();
    private volatile BiConsumer<Consent, Set<String>> onRevoke = (c, m) -> { };

    /** When and by whom a consent was revoked. */
    private record Revocation(Instant at, String by) {
    }
    private volatile java.util.function.Consumer<String> onChange = b -> { };

    /**
     * @param clock       engine clock
     * @param store       storage
     * @param cases       cases
     * @param catalog     catalog
     * @param accounts    accounts
     * @param audit       audit chain
     * @param subjects    subject digests
     * @param openingHours office hours, for the default expiry
     */
    public DefaultConsentService(Clock clock, ConsentStore store, CaseService cases, ExemptionCatalog catalog, DefaultAccountService accounts,
                                 AuditChain audit, AuditSubjects subjects, OpeningHours openingHours) {
        this.clock = clock;
        this.store = store;
        this.storeId = store.getClass().getName();
        this.cases = cases;
        this.catalog = catalog;
        this.accounts = accounts;
        this.audit = audit;
        this.subjects = subjects;
        this.openingHours = openingHours;
    }

    /** @param listener called with the bizNo after any grant or revocation */
    public void onChange(java.util.function.Consumer<String> listener) {
        this.onChange = listener;
    }

    /** @param listener called after a revocation with the consent and its materials (the cache evicts them) */
    public void onRevoke(BiConsumer<Consent, Set<String>> listener) {
        this.onRevoke = listener;
    }

    @Override
    public Consent grant(ConsentRequest r) {
        InvalidValueException.requireNonNull(r, "request");
        Operator op = accounts.authorize(r.operatorId(), Role.WINDOW_CLERK, r.bizNo(), "take an on-site consent");
        Case c = cases.find(r.bizNo()).orElseThrow(() -> new CaseException(CaseException.Reason.UNKNOWN_CASE, r.bizNo(), "no such case"));
        Plan plan = catalog.plan(c.itemCode(), c.openedAt());
        for (String m : r.materialCodes()) {
            if (plan.material(m).isEmpty()) {
                throw new ConsentException("item " + c.itemCode() + " of case " + c.bizNo() + " has no material " + m);
            }
        }
        Instant now = clock.instant();
        Instant expires = r.expiresAt() != null ? r.expiresAt() : openingHours.endOfWorkingDay(now);
        if (!expires.isAfter(now)) {
            throw new InvalidValueException("expiresAt", "must be in the future");
        }
        if (expires.isAfter(now.plus(MAX_VALIDITY))) {
            throw new InvalidValueException("expiresAt", "an on-site consent serves one case: at most " + MAX_VALIDITY.toDays() + " days");
        }
        String window = op.windowId() != null ? op.windowId() : c.windowId();
        Consent consent = new Consent(UUID.randomUUID().toString(), c.bizNo(), c.itemCode(), c.applicant().id(), op.id(), window,
                r.materialCodes(), r.purpose(), r.method(), r.evidenceRef(), r.evidenceSha256(), now, expires, null, null);
        Map<String, String> detail = new TreeMap<>();
        detail.put("consent", consent.id());
        detail.put("materials", String.join(",", new java.util.TreeSet<>(consent.materialCodes())));
        detail.put("purpose", consent.purpose());
        detail.put("method", consent.method().name());
        detail.put("evidenceSha256", consent.evidenceSha256());
        detail.put("expiresAt", consent.expiresAt().toString());
        detail.put("window", window);
        synchronized (this) {
            // read before anything is recorded or stored: a first read loads the case's consents from the store, which
            // would hold the new one too after the put below (and a failed read then leaves nothing half done)
            List<Consent> l = new ArrayList<>(forCase(c.bizNo()));
            audit.append(AuditType.CONSENT_GRANTED, op.id(), c.bizNo(), subjects.subject(c.applicant().id()), detail);
            Guard.run(storeId, "put", () -> store.put(consent));
            l.add(consent);
            index.put(c.bizNo(), List.copyOf(l));
            onChange.accept(c.bizNo());
        }
        return consent;
    }

    @Override
    public Consent revoke(String consentId, String operatorId, String reason) {
        String id = Codes.require(consentId, "consentId");
        // who asks comes first: the unauthorised learn nothing of the consent
        Operator op = accounts.authorize(operatorId, Role.WINDOW_CLERK, null, "revoke a consent");
        Consent c = find(id).orElseThrow(() -> new ConsentException("no consent " + id));
        String why = InvalidValueException.requireStorable(InvalidValueException.requireText(reason, "reason"), "reason");
        Consent revoked;
        synchronized (this) {
            List<Consent> before = forCase(c.bizNo());
            Consent current = before.stream().filter(x -> x.id().equals(id)).findFirst().orElse(c);
            if (current.revokedAt() != null) {
                throw new ConsentException("consent " + id + " is already revoked");
            }
            revoked = current.revoke(clock.instant(), op.id());
            // in force here before it is recorded: a retrieval recorded after the revocation finds its case state dropped
            // when it looks again (ConsentedLookup.stillHolds) and is refused, so nothing is served after it in the chain
            Guard.run(storeId, "put", () -> store.put(revoked));
            List<Consent> l = new ArrayList<>();
            for (Consent x : before) {
                l.add(x.id().equals(id) ? revoked : x);
            }
            index.put(c.bizNo(), List.copyOf(l));
            onChange.accept(c.bizNo());
            try {
                audit.append(AuditType.CONSENT_REVOKED, op.id(), c.bizNo(), subjects.subject(c.applicant()),
                        Map.of("consent", id, "reason", why));
            } catch (RuntimeException notRecorded) { // fail closed: not recorded, not done
                try {
                    Guard.run(storeId, "put", () -> store.put(current));
                    index.put(c.bizNo(), before);
                    onChange.accept(c.bizNo());
                } catch (RuntimeException undo) { // it stays revoked, in the store and here: the safe side, and the caller is told
                    notRecorded.addSuppressed(undo);
                }
                throw notRecorded;
            }
        }
        onRevoke.accept(revoked, revoked.materialCodes());
        return revoked;
    }

    @Override
    public Optional<Consent> find(String consentId) {
        return Guard.call(storeId, "find", () -> store.find(Codes.require(consentId, "consentId"))).map(this::withRevocationElsewhere);
    }

    @Override
    public List<Consent> forCase(String bizNo) {
        List<Consent> l = bizNo == null ? null : index.getIfPresent(bizNo);
        if (l == null) {
            String b = Codes.require(bizNo, "bizNo");
            l = index.get(b, k -> withRevocationsElsewhere(Guard.call(storeId, "forCase", () -> store.forCase(b))));
        }
        return l;
    }

    /** @return the consent, revoked if another engine revoked it and the store does not show it yet */
    private Consent withRevocationElsewhere(Consent c) {
        if (c.revokedAt() != null) {
            revokedElsewhere.invalidate(c.id()); // the store shows it now
            return c;
        }
        Revocation r = revokedElsewhere.getIfPresent(c.id());
        return r != null ? c.revoke(r.at(), r.by()) : c;
    }

    private List<Consent> withRevocationsElsewhere(List<Consent> stored) {
        List<Consent> out = new ArrayList<>(stored.size());
        for (Consent c : stored) {
            out.add(withRevocationElsewhere(c));
        }
        return List.copyOf(out);
    }

    /**
     * Another engine on the same stores granted or revoked a consent of this case, as the audit chain shows: what this
     * engine holds of the case's consents is read again, and those who cache from them are told. A revocation takes
     * effect here even while the consent store does not show it yet, and evicts the licences the consent covered.
     *
     * @param bizNo     the case
     * @param consentId the consent
     * @param revokedAt when it was revoked, or {@code null} for a grant
     * @param revokedBy who revoked it, or {@code null} for a grant
     * @return whether the consent store holds the consent (a grant is recorded in the chain before it is stored)
     * @throws org.mianzheng.api.AdapterException if the consent store cannot be read; what this engine held of the
     *                                            case's consents and licences is dropped all the same
     */
    public boolean changedElsewhere(String bizNo, String consentId, Instant revokedAt, String revokedBy) {
        String b = Codes.require(bizNo, "bizNo");
        String id = Codes.require(consentId, "consentId");
        Consent revoked = null;
        boolean held = false;
        synchronized (this) {
            if (revokedAt != null) {
                revokedElsewhere.put(id, new Revocation(revokedAt, InvalidValueException.requireText(revokedBy, "revokedBy")));
            }
            List<Consent> before = index.getIfPresent(b);
            index.invalidate(b);
            try {
                for (Consent c : forCase(b)) { // read again: the store, with the revocations read from the chain
                    if (c.id().equals(id)) {
                        held = true;
                        revoked = revokedAt != null ? c : null;
                    }
                }
            } finally {
                // whether or not the store could be read: those who cache from the case's consents drop it, and a
                // revoked consent's licences go, so that nothing here serves it on what it held before
                onChange.accept(b);
                if (revokedAt != null && revoked == null && before != null) {
                    for (Consent c : before) {
                        if (c.id().equals(id)) {
                            revoked = c;
                        }
                    }
                }
                if (revoked != null) {
                    onRevoke.accept(revoked, revoked.materialCodes());
                }
            }
        }
        return held;
    }
}
