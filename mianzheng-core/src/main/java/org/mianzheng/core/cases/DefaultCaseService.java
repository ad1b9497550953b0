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
        catalog.plan(c.itemCode(), c.openedAt()); // the item must be in the catalog now
        boolean inserted = Guard.call(storeId, "insert", () -> store.insert(c));
        if (!inserted) {
            throw new CaseException(CaseException.Reason.DUPLICATE_BIZ_NO, c.bizNo(), "a case with this bizNo exists already");
        }
        LOG.info("case {} opened for item {} at window {} by {}", c.bizNo(), c.itemCode(), c.windowId(), c.operatorId());
        return c;
    }

    @Override
    public Optional<Case> find(String bizNo) {
        return Guard.call(storeId, "find", () -> store.find(Codes.require(bizNo, "bizNo")));
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
        Case c = require(bizNo);
        Plan plan = catalog.plan(c.itemCode(), c.openedAt());
        MaterialPlan mp = plan.material(Codes.require(materialCode, "materialCode")).orElseThrow(() -> new CaseException(
                CaseException.Reason.UNKNOWN_MATERIAL, c.bizNo(), "item " + c.itemCode() + " has no material " + materialCode));
        VoluntarySubmission s = new VoluntarySubmission(c.bizNo(), mp.materialCode(), operatorId, clock.instant(), mp.decision(), note);
        Guard.run(storeId, "addSubmission", () -> store.addSubmission(s));
        LOG.info("case {}: material {} handed in voluntarily (planned {}), accepted (Art. 4)", c.bizNo(), s.materialCode(), s.planned());
        return s;
    }

    @Override
    public List<VoluntarySubmission> voluntarySubmissions(String bizNo) {
        return Guard.call(storeId, "submissions", () -> store.submissions(Codes.require(bizNo, "bizNo")));
    }
}
