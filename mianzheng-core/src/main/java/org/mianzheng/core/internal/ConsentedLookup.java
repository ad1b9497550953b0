package org.mianzheng.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mianzheng.api.Case;
import org.mianzheng.api.CaseException;
import org.mianzheng.api.Consent;
import org.mianzheng.api.ExemptionCatalog;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.Operator;
import org.mianzheng.api.Plan;
import org.mianzheng.api.Role;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.core.accounts.DefaultAccountService;
import org.mianzheng.core.cases.DefaultCaseService;
import org.mianzheng.core.consent.DefaultConsentService;
import org.mianzheng.core.guard.ViolationRecorder;
import org.mianzheng.core.retrieval.CachedLicense;

/**
 * The authorisation and cache path of retrieval, shared by the engine and its benchmark: account and role,
 * case, plan, material, consent, then the cache. Every refusal is recorded as a violation before it is thrown.
 * Unsupported outside the engine.
 *
 * <p>The hot path is one map lookup for the case's derived state, which remembers the clerk it last authorised
 * (void once any account is deregistered), keeps each material's longest consent with its validity in epoch millis,
 * and reuses the last check's result: a repeated check by the same clerk allocates nothing, and while the account
 * version is the one that result was authorised at and its consent is the longest one and in force, it is returned
 * straight from the material's slot. Each material's cache
 * key remembers the entry it last found and serves it again while younger than the cache's time to live (see
 * {@link #hit}); the cache's evictions clear it ({@link #evicted}). The case state also keeps the cache hit made on it
 * last, with what it rests on, so that a repeated hit is found from the state in one step ({@link #repeatedHit}).
 */
public final class ConsentedLookup {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsentedLookup.class);
    /** Key of the licence cache: case + holder + licence type; never shared between cases. Its hash is computed once. */
    public static final class CacheKey {
        private final String bizNo;
        private final String holder;
        private final String licenseType;
        private final int hash;
        /**
         * The cache entry last found under this very key object (a case state's, so dropped with it when the case's
         * consents change), served again while younger than the cache's time to live; cleared when the cache evicts it.
         */
        private volatile CachedLicense last;

        /**
         * @param bizNo       case
         * @param holder      holder id
         * @param licenseType licence type code
         */
        public CacheKey(String bizNo, String holder, String licenseType) {
            this.bizNo = java.util.Objects.requireNonNull(bizNo, "bizNo");
            this.holder = java.util.Objects.requireNonNull(holder, "holder");
            this.licenseType = java.util.Objects.requireNonNull(licenseType, "licenseType");
            this.hash = (bizNo.hashCode() * 31 + holder.hashCode()) * 31 + licenseType.hashCode();
        }

        /** @return the case */
        public String bizNo() {
            return bizNo;
        }

        /** @return the holder id */
        public String holder() {
            return holder;
        }

        /** @return the licence type code */
        public String licenseType() {
            return licenseType;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            return o instanceof CacheKey k && k.hash == hash && k.bizNo.equals(bizNo) && k.holder.equals(holder) && k.licenseType.equals(licenseType);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "CacheKey[" + bizNo + ", " + licenseType + "]"; // the holder id is personal data
        }

        private void forget(CachedLicense evicted) {
            if (last == evicted) {
                last = null;
            }
        }
    }

    /**
     * What the checks established.
     *
     * @param operator the authorised clerk
     * @param theCase  the case
     * @param material the material's plan
     * @param consent  the consent in force that covers it
     * @param key      its licence cache key, or {@code null} if it is not a licence
     * @param subject  the audit subject digest of the case's applicant
     * @param retrievable whether the material is one the engine retrieves ({@link #retrievable(MaterialPlan)}), worked
     *                 out once per case state so that a repeated retrieval does not read the plan again
     * @param accountVersion the {@linkplain DefaultAccountService#version() account version} the operator was authorised
     *                 at: while it is current, a repeated check by the same operator needs no new authorisation
     * @param state    the case state the check ran on ({@link #stillHolds}: a consent change drops it)
     * @param repeatFrom  epoch millis from which, and
     * @param repeatUntil epoch millis until which (excluded), a check of this material by this operator at this
     *                 account version finds this very consent without reading the case's consents again (the consent
     *                 covering it that runs longest, while in force); an empty span if the consent is another one
     */
    public record Checked(Operator operator, Case theCase, MaterialPlan material, Consent consent, CacheKey key, String subject,
                          boolean retrievable, long accountVersion, CaseState state, long repeatFrom, long repeatUntil) {
    }

    /**
     * @param mp a material's plan
     * @return whether the engine retrieves it: an exempt electronic licence obtained by data call
     */
    public static boolean retrievable(MaterialPlan mp) {
        return mp.decision() == org.mianzheng.api.MaterialDecision.EXEMPT && mp.material().kind() == org.mianzheng.api.MaterialKind.ELECTRONIC_LICENSE
                && mp.mode() == org.mianzheng.api.RetrievalMode.DATA_CALL;
    }

    private final Clock clock;
    private final DefaultAccountService accounts;
    private final DefaultCaseService cases;
    private final ExemptionCatalog catalog;
    private final DefaultConsentService consents;
    private final ViolationRecorder violations;
    private final Cache<CacheKey, CachedLicense> cache;
    private final java.util.function.Function<org.mianzheng.api.HolderId, String> subjects;
    private final long ttlMillis;
    /**
     * One material of a case as the hot path needs it, in one object: its code, plan and cache key; the unrevoked
     * consent covering it that runs longest, with its validity as epoch millis (tried first; anything else goes the
     * long way); and the last check's result, reused while the clerk and the consent are the same.
     */
    private static final class Slot {
        /**
         * The material's code, interned: one copy for every case of the item and every item that lists the material, so
         * comparing a caller's code with it reads bytes that are likely in cache (and none for a constant).
         */
        final String code;
        final int hash;
        final MaterialPlan plan;
        /** {@link #retrievable(MaterialPlan)} of the plan. */
        final boolean retrievable;
        final CacheKey key;
        final Consent consent;
        final long validFrom;
        final long validUntil;
        /** Immutable, so a racy read sees a whole one or null; a lost write only costs an allocation. */
        Checked memo;

        Slot(MaterialPlan plan, CacheKey key, List<Consent> consents) {
            this.code = plan.materialCode().intern();
            this.hash = code.hashCode();
            this.plan = plan;
            this.retrievable = retrievable(plan);
            this.key = key;
            Consent best = null;
            for (Consent k : consents) {
                if (k.revokedAt() == null && k.materialCodes().contains(code) && (best == null || k.expiresAt().isAfter(best.expiresAt()))) {
                    best = k;
                }
            }
            this.consent = best;
            this.validFrom = best == null ? Long.MAX_VALUE : millis(best.grantedAt());
            this.validUntil = best == null ? Long.MIN_VALUE : millis(best.expiresAt());
        }
    }

    /** An authorised window clerk and the account version of the authorisation. */
    private record Clerk(Operator op, long version) {
    }

    /**
     * Everything the checks need about one case, found with one lookup. The materials are few (an item lists tens at
     * most), so they are kept in an array and found by their codes' hashes: fewer objects to reach than a hash map's.
     */
    /**
     * The derived state of one case: its materials, consents and the clerk last authorised on it. Opaque outside this
     * class: a {@link Checked} names the state it ran on, so that {@link #stillHolds} can tell whether a consent change
     * dropped it since.
     */
    public static final class CaseState {
        final Case theCase;
        final Slot[] slots;
        final List<Consent> consents;
        /** The audit subject digest of the applicant. */
        final String subject;
        /** The window clerk last authorised on this case, with the account version it was authorised at. */
        volatile Clerk clerk;
        /** Set when a consent of the case was granted or revoked after this state was built from its consents. */
        volatile boolean dropped;
        /**
         * The cache hit last made on this case ({@link #rememberHit}), served again by {@link #repeatedHit} while what
         * it rests on holds: reached from the state in one step. Its fields are final, so a racy read sees a whole one.
         */
        volatile CachedLicense.Hit repeat;

        CaseState(Case theCase, Plan plan, List<Consent> stored, String subject) {
            this.theCase = theCase;
            this.subject = subject;
            List<Consent> consents = ofTheCase(theCase, stored);
            List<MaterialPlan> materials = plan.materials();
            slots = new Slot[materials.size()];
            for (int i = 0; i < slots.length; i++) {
                MaterialPlan mp = materials.get(i);
                String type = mp.material().licenseTypeCode();
                slots[i] = new Slot(mp, type == null ? null : new CacheKey(theCase.bizNo(), theCase.applicant().id().value(), type), consents);
            }
            this.consents = consents;
        }

        /**
         * The consents that belong to the case: its own bizNo, applicant and item. A store that answered with another
         * case's consent (a mis-keyed row, a bad adapter) must not authorise anything here: such a consent is left out,
         * with a warning that names the case and the consent only.
         */
        private static List<Consent> ofTheCase(Case theCase, List<Consent> stored) {
            List<Consent> own = null;
            for (int i = 0; i < stored.size(); i++) {
                Consent k = stored.get(i);
                boolean belongs = k.bizNo().equals(theCase.bizNo()) && k.applicant().equals(theCase.applicant().id())
                        && k.itemCode().equals(theCase.itemCode());
                if (!belongs && own == null) {
                    own = new java.util.ArrayList<>(stored.subList(0, i));
                }
                if (!belongs) {
                    LOG.warn("case {}: the consent store gave consent {}, which is not of this case (its case, applicant or item differ); "
                            + "it is not used", org.mianzheng.api.Masking.maskIdentityNumbersIn(theCase.bizNo()), k.id());
                } else if (own != null) {
                    own.add(k);
                }
            }
            return own == null ? stored : List.copyOf(own);
        }

        Slot find(String materialCode) {
            int h = materialCode.hashCode();
            for (Slot slot : slots) {
                if (slot.hash == h && slot.code.equals(materialCode)) {
                    return slot;
                }
            }
            return null;
        }
    }

    /** Most case states kept; beyond it, arbitrary states are dropped (they are derived data, rebuilt on demand). */
    static final int MAX_STATES = 100_000;
    /**
     * Case states. A plain map (cheaper reads than a cache on the hot path) kept under {@link #MAX_STATES}: case
     * states are derived from the case, its plan and its consents, so dropping one only costs a rebuild.
     */
    private final ConcurrentHashMap<String, CaseState> states = new ConcurrentHashMap<>();

    /**
     * @param clock      engine clock
     * @param accounts   accounts
     * @param cases      cases
     * @param catalog    catalog
     * @param consents   consents
     * @param violations violation recorder
     * @param cache      licence cache
     * @param subjects   audit subject digests of holder ids
     * @param cacheTtl   the licence cache's time to live (entries expire that long after they were written); evictions
     *                   must be reported to {@link #evicted}
     */
    public ConsentedLookup(Clock clock, DefaultAccountService accounts, DefaultCaseService cases, ExemptionCatalog catalog,
                           DefaultConsentService consents, ViolationRecorder violations, Cache<CacheKey, CachedLicense> cache,
                           java.util.function.Function<org.mianzheng.api.HolderId, String> subjects, java.time.Duration cacheTtl) {
        this.clock = clock;
        this.accounts = accounts;
        this.cases = cases;
        this.catalog = catalog;
        this.consents = consents;
        this.violations = violations;
        this.cache = cache;
        this.subjects = subjects;
        this.ttlMillis = cacheTtl.toMillis();
    }

    /**
     * Runs every check for using the data of one material of a case.
     *
     * @param bizNo        case
     * @param materialCode material
     * @param operatorId   clerk
     * @param act          the act, for refusals
     * @return what was established
     * @throws org.mianzheng.api.AccessDeniedException if refused (recorded)
     * @throws CaseException                           if there is no such case
     */
    public Checked check(String bizNo, String materialCode, String operatorId, String act) {
        return check(bizNo, materialCode, operatorId, act, clock.millis());
    }

    /**
     * {@link #check(String, String, String, String)} at a time the caller has read from the engine clock, so that one
     * act reads the clock once.
     *
     * @param bizNo        case
     * @param materialCode material
     * @param operatorId   clerk
     * @param act          the act, for refusals
     * @param nowMillis    the engine clock's {@code millis()}, read for this act
     * @return what was established
     * @throws org.mianzheng.api.AccessDeniedException if refused (recorded)
     * @throws CaseException                           if there is no such case
     */
    public Checked check(String bizNo, String materialCode, String operatorId, String act, long nowMillis) {
        CaseState st = bizNo == null ? null : states.get(bizNo);
        if (st != null && materialCode != null) { // a repeat: the material's last check, if nothing it rests on has changed
            Slot slot = st.find(materialCode);
            Checked memo = slot == null ? null : slot.memo;
            if (memo != null && repeats(slot, memo, operatorId, nowMillis)) {
                return memo;
            }
        }
        Operator op;
        long version;
        Clerk last = st == null ? null : st.clerk;
        if (last != null && last.version == accounts.version() && last.op.id().equals(operatorId)) {
            op = last.op; // the clerk this case last authorised, and no account has lost rights since
            version = last.version;
        } else {
            version = accounts.version(); // read first: a deregistration during authorize() voids what is remembered
            op = accounts.authorize(operatorId, Role.WINDOW_CLERK, bizNo, act); // refusals of the account come first
            st = state(bizNo);
            st.clerk = new Clerk(op, version);
        }
        Slot slot = slot(st, materialCode, op, act);
        Consent consent = consent(st, slot, op, act, nowMillis);
        Checked memo = slot.memo;
        if (memo != null && memo.operator() == op && memo.consent() == consent && memo.accountVersion() == version) {
            return memo;
        }
        boolean longest = consent == slot.consent;
        Checked ck = new Checked(op, st.theCase, slot.plan, consent, slot.key, st.subject, slot.retrievable, version, st,
                longest ? slot.validFrom : Long.MAX_VALUE, longest ? slot.validUntil : Long.MIN_VALUE);
        slot.memo = ck;
        return ck;
    }

    /** Whether a material's last check holds as it is: same clerk, no account change since, its consent in force. */
    private boolean repeats(Slot slot, Checked memo, String operatorId, long nowMillis) {
        return memo.accountVersion() == accounts.version() && memo.operator().id().equals(operatorId) && nowMillis >= slot.validFrom
                && nowMillis < slot.validUntil && memo.consent() == slot.consent;
    }

    /**
     * A repeated cache hit, found in one step: the last hit made on the case ({@link #rememberHit}), if it is of this
     * material and clerk, no account has changed since its check, the consent it cites is the one a check finds now
     * ({@link Checked#repeatFrom()}), and its cache entry is the one the case state's key still serves and still young
     * ({@link #hit}). {@link #check} followed by {@link #hit} would then establish the same clerk, consent and entry.
     * Otherwise {@code null}: take the long way.
     *
     * @param bizNo        case
     * @param materialCode material
     * @param operatorId   clerk
     * @param nowMillis    the engine clock's {@code millis()}, read for this act
     * @return the hit to record and return again, or {@code null}
     */
    public CachedLicense.Hit repeatedHit(String bizNo, String materialCode, String operatorId, long nowMillis) {
        CaseState st = bizNo == null ? null : states.get(bizNo);
        CachedLicense.Hit h = st == null ? null : st.repeat;
        if (h == null || materialCode == null || operatorId == null) {
            return null;
        }
        return (h.materialCode() == materialCode || h.materialCode().equals(materialCode)) && h.operatorId().equals(operatorId)
                && h.accountVersion() == accounts.version() && nowMillis >= h.repeatFrom() && nowMillis < h.repeatUntil()
                && h.key().last == h.license() && nowMillis - h.retrievedAtMillis() < ttlMillis && nowMillis < h.usableUntilMillis() ? h : null;
    }

    /**
     * Keeps a cache hit, just made or found under a check, as its case's last for {@link #repeatedHit}, unless its cache
     * entry has left the cache meanwhile. The cache itself is asked after the write, besides the key: a key may name an
     * evicted entry for a moment (a {@link #hit} that read it before the eviction), and an eviction that read the
     * case's last hit before the write would not clear it (see {@link #evicted}), so it would stay beyond the cache's
     * bound.
     *
     * @param h the hit
     */
    public void rememberHit(CachedLicense.Hit h) {
        CaseState st = h.check().state();
        if (st.repeat == h) {
            return;
        }
        st.repeat = h;
        CacheKey key = h.key();
        if ((key.last != h.license() || cache.asMap().get(key) != h.license()) && st.repeat == h) {
            st.repeat = null;
        }
    }

    private CaseState state(String bizNo) {
        CaseState st = bizNo == null ? null : states.get(bizNo);
        if (st != null) {
            return st;
        }
        Case c = cases.cached(bizNo);
        if (c == null) {
            throw new CaseException(CaseException.Reason.UNKNOWN_CASE, org.mianzheng.api.Codes.require(bizNo, "bizNo"), "no such case");
        }
        if (states.size() >= MAX_STATES) {
            int drop = MAX_STATES / 10;
            for (java.util.Iterator<String> it = states.keySet().iterator(); it.hasNext() && drop-- > 0; ) {
                CaseState gone = states.remove(it.next());
                if (gone != null) {
                    // a consent change of that case now finds no state to mark: checks made on this one look again
                    gone.dropped = true;
                }
            }
        }
        String subject = subjects.apply(c.applicant().id());
        return states.computeIfAbsent(c.bizNo(), k -> new CaseState(c, catalog.plan(c.itemCode(), c.openedAt()), consents.forCase(c.bizNo()), subject));
    }

    /**
     * Called by the consent service after a grant or a revocation.
     *
     * @param bizNo the case whose consents changed
     */
    public void consentsChanged(String bizNo) {
        // remove, do not patch: CHM.remove waits for a state being built for this case, so a state built from the
        // consents before the change can never survive it; the next lookup rebuilds from the current consents
        CaseState st = states.remove(bizNo);
        if (st != null) {
            st.dropped = true; // checks made on it, still being served, are made again (stillHolds)
        }
    }

    /**
     * Whether what a check established still holds after the act was recorded: no consent of the case was granted or
     * revoked and no account deregistered since the check. A caller that records an act and then sees {@code true} here
     * knows that any revocation or deregistration recorded after its act was applied after this read, so its act came
     * first. On {@code false}, check again ({@link #check}), which refuses what is no longer allowed.
     *
     * @param ck a check
     * @return whether it is still current
     */
    public boolean stillHolds(Checked ck) {
        return !ck.state().dropped && ck.accountVersion() == accounts.version();
    }

    /**
     * {@link #stillHolds(Checked)} of the check a cache hit was made under, read from the copies the hit keeps.
     *
     * @param h a hit
     * @return whether its check is still current
     */
    public boolean stillHolds(CachedLicense.Hit h) {
        return !h.state().dropped && h.accountVersion() == accounts.version();
    }

    /**
     * Removes a licence this engine cached under a check that no longer holds (a revocation raced its retrieval), if the
     * cache still holds that very entry.
     *
     * @param key   the checked material's key
     * @param value the licence stored
     */
    public void withdraw(CacheKey key, CachedLicense value) {
        if (key != null && value != null && cache.asMap().remove(key, value)) {
            evicted(key, value);
        }
    }

    private Slot slot(CaseState st, String materialCode, Operator op, String act) {
        Slot slot = materialCode == null ? null : st.find(materialCode);
        if (slot == null) {
            throw violations.refuse(ViolationKind.NOT_IN_ITEM, op.id(), st.theCase.bizNo(), "material " + safe(materialCode)
                    + " is not a material of item " + st.theCase.itemCode(), Map.of("material", safe(materialCode), "act", act));
        }
        return slot;
    }

    private Consent consent(CaseState st, Slot slot, Operator op, String act, long now) {
        if (now >= slot.validFrom && now < slot.validUntil) {
            return slot.consent;
        }
        return consent(st, slot.code, now, op, act);
    }

    private Consent consent(CaseState st, String materialCode, long now, Operator op, String act) {
        Case c = st.theCase;
        List<Consent> list = st.consents;
        boolean anyRevoked = false;
        boolean anyExpired = false;
        boolean anyNotYet = false;
        boolean anyValid = false;
        for (int i = 0; i < list.size(); i++) {
            Consent k = list.get(i);
            if (k.revokedAt() != null) {
                anyRevoked |= k.materialCodes().contains(materialCode);
                continue;
            }
            if (now >= millis(k.expiresAt()) || now < millis(k.grantedAt())) {
                if (k.materialCodes().contains(materialCode)) {
                    anyExpired |= now >= millis(k.expiresAt());
                    anyNotYet |= now < millis(k.grantedAt());
                }
                continue;
            }
            anyValid = true;
            if (k.materialCodes().contains(materialCode)) {
                return k;
            }
        }
        Map<String, String> d = Map.of("material", materialCode, "act", act);
        if (anyExpired) {
            throw violations.refuse(ViolationKind.CONSENT_EXPIRED, op.id(), c.bizNo(), "the consent covering " + materialCode + " has expired", d);
        }
        if (anyNotYet) { // granted later than this engine's clock reads (another node's clock ahead of it): not in force here
            throw violations.refuse(ViolationKind.CONSENT_EXPIRED, op.id(), c.bizNo(), "the consent covering " + materialCode
                    + " is not in force yet: it was granted later than this engine's clock reads (check the nodes' clocks)", d);
        }
        if (anyRevoked) {
            throw violations.refuse(ViolationKind.CONSENT_REVOKED, op.id(), c.bizNo(), "the consent covering " + materialCode + " was revoked", d);
        }
        if (anyValid) {
            throw violations.refuse(ViolationKind.OUT_OF_CONSENT_SCOPE, op.id(), c.bizNo(), "no consent of the case covers " + materialCode, d);
        }
        throw violations.refuse(ViolationKind.NO_CONSENT, op.id(), c.bizNo(), "the applicant has not authorised retrieval for this case", d);
    }

    /**
     * The checks, then the cache: what a repeated retrieval does before it records the cache hit (the engine's
     * retrieval runs exactly these two steps). Allocation-free when the same clerk repeats a check on a case.
     *
     * @param bizNo        case
     * @param materialCode material
     * @param operatorId   clerk
     * @return the cached licence, or {@code null}
     */
    public CachedLicense cached(String bizNo, String materialCode, String operatorId) {
        long now = clock.millis();
        return hit(check(bizNo, materialCode, operatorId, "retrieve", now), now);
    }

    /**
     * The cached licence of a checked material: the entry this case state's key found last, while younger than the
     * cache's time to live (counted from its retrieval, which is no later than its writing, so never after the cache
     * would expire it), else the cache's entry, which the key then remembers.
     *
     * @param ck what the checks established
     * @return the cached licence, or {@code null}
     */
    public CachedLicense hit(Checked ck) {
        return hit(ck, clock.millis());
    }

    /**
     * {@link #hit(Checked)} at a time the caller has read from the engine clock for this act.
     *
     * @param ck        what the checks established
     * @param nowMillis the engine clock's {@code millis()}, read for this act
     * @return the cached licence, or {@code null}
     */
    public CachedLicense hit(Checked ck, long nowMillis) {
        CacheKey key = ck.key();
        if (key == null) {
            return null;
        }
        CachedLicense last = key.last;
        if (last != null && nowMillis - last.retrievedAtMillis() < ttlMillis && nowMillis < last.usableUntilMillis()) {
            return last; // found before under this case state's key, and still young: the cache holds it too
        }
        CachedLicense found = cache.getIfPresent(key);
        if (found != null && nowMillis >= found.usableUntilMillis()) {
            return null; // its validity ended while it was cached (at midnight): retrieved again, the channel says how it stands
        }
        key.last = found;
        if (found != null && cache.asMap().get(key) != found) {
            // evicted or replaced between the read and the write above: an eviction before this re-read is seen
            // here, one after it finds the entry remembered and clears it (evicted)
            key.last = null;
        }
        return found;
    }

    /**
     * Puts a retrieved licence in the cache; what the case state's key remembered for it (an older entry) is
     * forgotten, since the cache replaces it without an eviction.
     *
     * @param key   the checked material's key
     * @param value the licence
     */
    public void store(CacheKey key, CachedLicense value) {
        CachedLicense replaced = cache.asMap().put(key, value);
        if (replaced != null && replaced != value) {
            evicted(key, replaced);
        }
    }

    /**
     * Called by the cache when it evicts an entry (size or age): the case state's key no longer serves it, so the
     * cache's bound holds for what is remembered here too.
     *
     * @param key   the key it was stored under
     * @param value the evicted entry
     */
    public void evicted(CacheKey key, CachedLicense value) {
        if (key == null || value == null) {
            return;
        }
        key.forget(value);
        CaseState st = states.get(key.bizNo());
        if (st != null) {
            for (Slot slot : st.slots) {
                if (slot.key != null) {
                    slot.key.forget(value);
                }
            }
            CachedLicense.Hit h = st.repeat;
            if (h != null && h.license() == value) {
                st.repeat = null; // not kept beyond the cache's bound (repeatedHit reads the key too, so it is not served)
            }
        }
    }

    /**
     * The account check alone, for acts that read a case before any material is checked: refusals come before anything
     * about the case is read or said.
     *
     * @param operatorId who acts
     * @param bizNo      the case
     * @param act        the act, for the record
     * @return the active clerk
     * @throws org.mianzheng.api.AccessDeniedException after recording the refusal
     */
    public Operator authorize(String operatorId, String bizNo, String act) {
        return accounts.authorize(operatorId, Role.WINDOW_CLERK, bizNo, act);
    }

    /**
     * @param bizNo a case
     * @return its plan as of its opening
     */
    public Plan plan(String bizNo) {
        Case c = state(bizNo).theCase;
        return catalog.plan(c.itemCode(), c.openedAt());
    }

    /**
     * @param bizNo        a case
     * @param materialCode a material
     * @return whether a consent in force now covers it
     */
    public boolean covered(String bizNo, String materialCode) {
        java.time.Instant now = clock.instant();
        for (Consent k : consents.forCase(bizNo)) {
            if (k.validAt(now) && k.materialCodes().contains(materialCode)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the cache. Read it freely; put through {@link #store} and remove through {@link #evict} (or let the
     *         cache evict, which reports to {@link #evicted}): a case state's key remembers the entry it last found.
     */
    public Cache<CacheKey, CachedLicense> cache() {
        return cache;
    }

    /**
     * Evicts a case's cached licences of the given types.
     *
     * @param bizNo case
     * @param types licence type codes
     */
    public void evict(String bizNo, java.util.Set<String> types) {
        for (CacheKey k : java.util.List.copyOf(cache.asMap().keySet())) {
            if (k.bizNo().equals(bizNo) && types.contains(k.licenseType())) {
                CachedLicense removed = cache.asMap().remove(k);
                if (removed != null) {
                    evicted(k, removed); // after the removal: a hit that remembers it meanwhile re-reads and finds it gone
                }
            }
        }
    }

    /** Epoch millis, saturated at the ends of {@code long} (an {@link java.time.Instant} reaches further). */
    static long millis(java.time.Instant t) {
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static String safe(String s) {
        if (s == null) {
            return "<null>";
        }
        String t = s.length() > 64 ? s.substring(0, 64) : s;
        return t.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
