package org.mianzheng.core.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AccountEvent;
import org.mianzheng.api.AccountException;
import org.mianzheng.api.AccountService;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Codes;
import org.mianzheng.api.ExemptionCatalog;
import org.mianzheng.api.InvalidIdentifierException;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.Masking;
import org.mianzheng.api.Operator;
import org.mianzheng.api.Role;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.spi.OperatorStore;
import org.mianzheng.core.audit.AuditChain;
import org.mianzheng.core.guard.ViolationRecorder;
import org.mianzheng.core.internal.Guard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link AccountService} and its authorisation check {@link #authorize}: active account, right role,
 * otherwise a recorded refusal. Accounts are cached write-through so that the check does not allocate.
 */
public final class DefaultAccountService implements AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultAccountService.class);
    private final Clock clock;
    private final OperatorStore store;
    private final String storeId;
    private final ExemptionCatalog catalog;
    private final AuditChain audit;
    private final ViolationRecorder violations;
    private final Map<String, Operator> cache = new ConcurrentHashMap<>();
    /** Accounts another engine deregistered (id → when), as the audit chain showed; few, never forgotten. */
    private final Map<String, Instant> goneElsewhere = new ConcurrentHashMap<>();
    /** Changes whenever an account loses rights (deregistration): authorisations remembered before it are void. */
    private volatile long version;
    private final Object writeLock = new Object();

    /**
     * @param clock      engine clock
     * @param store      storage
     * @param catalog    the catalog (departments)
     * @param audit      audit chain
     * @param violations violation recorder
     */
    public DefaultAccountService(Clock clock, OperatorStore store, ExemptionCatalog catalog, AuditChain audit, ViolationRecorder violations) {
        this.clock = clock;
        this.store = store;
        this.storeId = store.getClass().getName();
        this.catalog = catalog;
        this.audit = audit;
        this.violations = violations;
    }

    @Override
    public Operator register(String id, String name, String departmentCode, String windowId, Set<Role> roles, String by, String reportedTo) {
        Instant now = clock.instant();
        Operator op = new Operator(id, name, departmentCode, windowId, roles, now, null);
        org.mianzheng.core.internal.NewText.check(op, "operator"); // new text, checked before anything is recorded
        InvalidValueException.requireStorable(reportedTo, "reportedTo");
        if (catalog.department(op.departmentCode(), now).isEmpty()) {
            throw new AccountException("no department " + op.departmentCode() + " in the catalog");
        }
        AccountEvent ev = new AccountEvent(AccountEvent.Kind.REGISTERED, op.id(), now, Codes.require(by, "by"), reportedTo, "roles " + op.roles());
        synchronized (writeLock) {
            if (find(op.id()).isPresent()) { // refused before it is recorded: the chain holds no registration that did not happen
                throw new AccountException("account " + op.id() + " exists already");
            }
            audit.append(AuditType.ACCOUNT_REGISTERED, ev.by(), null, null, Map.of("operator", op.id(), "department", op.departmentCode(),
                    "roles", op.roles().toString(), "reportedTo", ev.reportedTo()));
            boolean inserted = Guard.call(storeId, "insert", () -> store.insert(op, ev));
            if (!inserted) {
                throw new AccountException("account " + op.id() + " exists already");
            }
            cache.put(op.id(), op);
        }
        LOG.info("account {} registered for department {} with roles {}", Masking.maskIdentityNumbersIn(op.id()), op.departmentCode(), op.roles());
        return op;
    }

    @Override
    public Operator deregister(String id, String by, String reportedTo, String reason) {
        InvalidValueException.requireStorable(reportedTo, "reportedTo"); // new text, checked before anything is recorded
        InvalidValueException.requireStorable(reason, "reason");
        Instant now = clock.instant();
        synchronized (writeLock) {
            Operator op = find(id).orElseThrow(() -> new AccountException("no account " + Codes.require(id, "id")));
            if (!op.active()) {
                throw new AccountException("account " + op.id() + " is already deregistered");
            }
            Operator gone = new Operator(op.id(), op.name(), op.departmentCode(), op.windowId(), op.roles(), op.registeredAt(), now);
            AccountEvent ev = new AccountEvent(AccountEvent.Kind.DEREGISTERED, op.id(), now, Codes.require(by, "by"), reportedTo, reason);
            // in force here before it is recorded: an act recorded after the deregistration finds the new version when
            // it looks again (ConsentedLookup.stillHolds), so no act of this account is served after it in the chain
            cache.put(gone.id(), gone);
            version++; // after the put: whoever sees the new version finds the account deregistered
            try {
                audit.append(AuditType.ACCOUNT_DEREGISTERED, ev.by(), null, null, Map.of("operator", op.id(), "reportedTo", ev.reportedTo(),
                        "reason", ev.note()));
            } catch (RuntimeException notRecorded) { // fail closed: not recorded, not done
                cache.put(op.id(), op);
                throw notRecorded;
            }
            Guard.run(storeId, "update", () -> store.update(gone, ev));
            LOG.info("account {} deregistered", Masking.maskIdentityNumbersIn(op.id()));
            return gone;
        }
    }

    @Override
    public Optional<Operator> find(String id) {
        Operator cached = cache.get(Codes.require(id, "id"));
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Operator> op = Guard.call(storeId, "find", () -> store.find(Codes.require(id, "id")));
        // never replace what is cached: a deregistration that lands while this read is on its way has put the
        // deregistered account there, and a stale read must not bring the active one back
        return op.map(o -> {
            Operator prior = cache.putIfAbsent(o.id(), o);
            Operator held = prior != null ? prior : o;
            // put first, then look: deregisteredElsewhere notes first, then looks, so one of the two sees the other
            Instant goneAt = held.active() ? goneElsewhere.get(held.id()) : null;
            if (goneAt != null) {
                deregisteredElsewhere(held.id(), goneAt);
                return cache.get(held.id());
            }
            return held;
        });
    }

    private static Operator deregistered(Operator o, Instant at) {
        return new Operator(o.id(), o.name(), o.departmentCode(), o.windowId(), o.roles(), o.registeredAt(), at);
    }

    /**
     * Another engine on the same stores deregistered this account, as the audit chain shows: it is deregistered here
     * too, at once, even while the operator store does not show it yet (the chain records it first), and every check
     * made with it before is voided.
     *
     * @param id the account
     * @param at when it was deregistered
     */
    public void deregisteredElsewhere(String id, Instant at) {
        String key = Codes.require(id, "id");
        InvalidValueException.requireNonNull(at, "at");
        synchronized (writeLock) {
            goneElsewhere.put(key, at);
            Operator op = cache.get(key);
            if (op == null || !op.active()) {
                return; // not held here: the next read from the store applies it (find)
            }
            cache.put(key, deregistered(op, at));
            version++; // after the put, as in deregister
            LOG.info("account {} deregistered by another engine", Masking.maskIdentityNumbersIn(key));
        }
    }

    @Override
    public void appointLiaison(String departmentCode, String operatorId, String by) {
        String dep = Codes.require(departmentCode, "departmentCode");
        String who = Codes.require(operatorId, "operatorId");
        String recorder = Codes.require(by, "by");
        synchronized (writeLock) { // checked under the lock a deregistration takes: never an account deregistered meanwhile
            Operator op = find(who).orElseThrow(() -> new AccountException("no account " + who));
            if (!op.active() || !op.departmentCode().equals(dep)) {
                throw new AccountException("the liaison of " + dep + " must be an active account of that department");
            }
            AccountEvent ev = new AccountEvent(AccountEvent.Kind.LIAISON_APPOINTED, op.id(), clock.instant(), recorder,
                    "市行政审批和政务服务局", "liaison of " + dep);
            audit.append(AuditType.LIAISON_APPOINTED, ev.by(), null, null, Map.of("operator", op.id(), "department", dep));
            Guard.run(storeId, "putLiaison", () -> store.putLiaison(dep, op.id(), ev));
        }
    }

    @Override
    public Optional<Operator> liaison(String departmentCode) {
        String dep = Codes.require(departmentCode, "departmentCode");
        return Guard.call(storeId, "liaison", () -> store.liaison(dep)).flatMap(this::find).filter(Operator::active);
    }

    @Override
    public List<AccountEvent> history() {
        return Guard.call(storeId, "events", store::events);
    }

    /** @return a number that changes whenever an account loses rights; an authorisation remembered at another is void */
    public long version() {
        return version;
    }

    /**
     * The check every act goes through. Allocation-free when it passes.
     *
     * @param operatorId who acts
     * @param role       the role the act needs
     * @param bizNo      the case, or {@code null}
     * @param act        the act, for the record
     * @return the active account
     * @throws AccessDeniedException after recording the refusal, if the account is unknown, deregistered or lacks the role
     */
    public Operator authorize(String operatorId, Role role, String bizNo, String act) {
        Operator op = operatorId == null ? null : cache.get(operatorId);
        if (op != null && op.deregisteredAt() == null && op.roles().contains(role)) {
            return op;
        }
        String id = safeId(operatorId);
        if (op == null) {
            op = find(id).orElse(null);
        }
        if (op == null) {
            throw violations.refuse(ViolationKind.UNKNOWN_ACCOUNT, id, bizNo, "no account " + id + " may " + act, Map.of("act", act));
        }
        if (!op.active()) {
            throw violations.refuse(ViolationKind.DEREGISTERED_ACCOUNT, id, bizNo, "account " + id + " is deregistered and may not " + act,
                    Map.of("act", act));
        }
        if (!op.has(role)) {
            throw violations.refuse(ViolationKind.WRONG_ROLE, id, bizNo, "account " + id + " lacks role " + role + " to " + act,
                    Map.of("act", act, "role", role.name()));
        }
        return op;
    }

    private static String safeId(String operatorId) {
        try {
            return Codes.require(operatorId, "operatorId");
        } catch (InvalidIdentifierException | InvalidValueException e) {
            throw e;
        }
    }
}
