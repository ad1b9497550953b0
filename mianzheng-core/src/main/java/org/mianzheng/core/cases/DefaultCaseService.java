package org.mianzheng.core.cases;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mianzheng.api.Case;
import org.mianzheng.api.CaseException;
import org.mianzheng.api.CaseService;
import org.mianzheng.api.Codes;
import org.mianzheng.api.ExemptionCatalog;
import org.mianzheng.api.Holder;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.Plan;
import org.mianzheng.api.VoluntarySubmission;
import org.mianzheng.api.spi.CaseStore;
import org.mianzheng.core.internal.Guard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's {@link CaseService}. Thread-safe. */
public final class DefaultCaseService implements CaseService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultCaseService.class);

    private final Clock clock;
    private final ExemptionCatalog catalog;
    private final CaseStore store;
    private final String storeId;
    private final com.github.benmanes.caffeine.cache.Cache<String, Case> cache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000).build();
    private volatile org.mianzheng.core.internal.ActGuard guard = org.mianzheng.core.internal.ActGuard.NONE;
    private volatile java.util.function.Function<org.mianzheng.api.HolderId, String> subjects = id -> null;

    /**
     * @param guard    account and audit hooks
     * @param subjects subject digests for the audit chain
     */
    public void bind(org.mianzheng.core.internal.ActGuard guard, java.util.function.Function<org.mianzheng.api.HolderId, String> subjects) {
        this.guard = guard;
        this.subjects = subjects;
    }

    /**
     * @param clock   engine clock
     * @param catalog the catalog
     * @param store   case storage
     */
    public DefaultCaseService(Clock clock, ExemptionCatalog catalog, CaseStore store) {
        this.clock = clock;
        this.catalog = catalog;
        this.store = store;
        this.storeId = store.getClass().getName();
    }

    @Override
    public Case open(String bizNo, String itemCode, Holder applicant, Map<String, Map<String, String>> declared, String windowId,
                     String operatorId) {
        Case c = new Case(bizNo, itemCode, applicant, declared, windowId, operatorId, clock.instant());
        org.mianzheng.core.internal.NewText.check(c, "case"); // new text, checked before anything is recorded
        guard.authorize(c.operatorId(), org.mianzheng.api.Role.WINDOW_CLERK, null, c.bizNo(), "open a case");
        catalog.plan(c.itemCode(), c.openedAt()); // the item must be in the catalog now
        if (find(c.bizNo()).isPresent()) {
            throw new CaseException(CaseException.Reason.DUPLICATE_BIZ_NO, c.bizNo(), "a case with this bizNo exists already");
        }
        org.mianzheng.api.AuditEvent opened = guard.audit(org.mianzheng.api.AuditType.CASE_OPENED, c.operatorId(), c.bizNo(),
                subjects.apply(c.applicant().id()), Map.of("item", c.itemCode(), "window", c.windowId()));
        boolean inserted;
        try {
            inserted = Guard.call(storeId, "insert", () -> store.insert(c));
        } catch (org.mianzheng.api.MianzhengException failed) {
            if (opened == null) {
                throw failed;
            }
            inserted = org.mianzheng.core.internal.FailedWrite.settle(failed, Boolean.TRUE,
                    () -> org.mianzheng.core.internal.FailedWrite.outcomeOfInsert(() -> store.find(c.bizNo()), c),
                    () -> guard.notSaved(opened, c.operatorId(), "case", c.bizNo()), "new case " + c.bizNo(), opened.sequence());
        }
        if (!inserted) {
            // another node opened a case with this bizNo first: the opening just recorded is taken back, so that reports
            // and spot checks keep the case that was stored
            throw org.mianzheng.core.internal.FailedWrite.takenBack(new CaseException(CaseException.Reason.DUPLICATE_BIZ_NO, c.bizNo(),
                    "a case with this bizNo exists already"), () -> opened == null ? null : guard.notSaved(opened, c.operatorId(), "case", c.bizNo()));
        }
        cache.put(c.bizNo(), c);
        LOG.info("case {} opened for item {} at window {} by {}", c.bizNo(), c.itemCode(), c.windowId(), c.operatorId());
        return c;
    }

    @Override
    public Optional<Case> find(String bizNo) {
        Case c = bizNo == null ? null : cache.getIfPresent(bizNo);
        if (c != null) {
            return Optional.of(c);
        }
        Optional<Case> found = Guard.call(storeId, "find", () -> store.find(Codes.require(bizNo, "bizNo")));
        found.ifPresent(x -> cache.put(x.bizNo(), x));
        return found;
    }

    /**
     * Allocation-free lookup for hot paths (cases are immutable).
     *
     * @param bizNo a bizNo
     * @return the case, or {@code null}
     */
    public Case cached(String bizNo) {
        Case c = bizNo == null ? null : cache.getIfPresent(bizNo);
        return c != null ? c : find(bizNo).orElse(null);
    }

    private Case require(String bizNo) {
        return find(bizNo).orElseThrow(() -> new CaseException(CaseException.Reason.UNKNOWN_CASE, Codes.require(bizNo, "bizNo"), "no such case"));
    }

    @Override
    public Plan plan(String bizNo) {
        Case c = require(bizNo);
        return catalog.plan(c.itemCode(), c.openedAt());
    }

    @Override
    public VoluntarySubmission recordVoluntarySubmission(String bizNo, String materialCode, String operatorId, String note) {
        InvalidValueException.requireStorable(note, "note"); // new text, checked before anything is recorded
        Case c = require(bizNo);
        guard.authorize(operatorId, org.mianzheng.api.Role.WINDOW_CLERK, null, c.bizNo(), "receive a voluntary submission");
        Plan plan = catalog.plan(c.itemCode(), c.openedAt());
        MaterialPlan mp = plan.material(Codes.require(materialCode, "materialCode")).orElseThrow(() -> new CaseException(
                CaseException.Reason.UNKNOWN_MATERIAL, c.bizNo(), "item " + c.itemCode() + " has no material " + materialCode));
        VoluntarySubmission s = new VoluntarySubmission(c.bizNo(), mp.materialCode(), operatorId, clock.instant(), mp.decision(), note);
        guard.audit(org.mianzheng.api.AuditType.VOLUNTARY_SUBMISSION, s.operatorId(), c.bizNo(), subjects.apply(c.applicant().id()),
                Map.of("material", s.materialCode(), "planned", s.planned().name()));
        Guard.run(storeId, "addSubmission", () -> store.addSubmission(s));
        LOG.info("case {}: material {} handed in voluntarily (planned {}), accepted (Art. 4)", c.bizNo(), s.materialCode(), s.planned());
        return s;
    }

    @Override
    public List<VoluntarySubmission> voluntarySubmissions(String bizNo) {
        return Guard.call(storeId, "submissions", () -> store.submissions(Codes.require(bizNo, "bizNo")));
    }
}
