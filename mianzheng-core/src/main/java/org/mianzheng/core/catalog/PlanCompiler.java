package org.mianzheng.core.catalog;

import java.util.ArrayList;
import java.util.List;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.MaterialRequirement;
import org.mianzheng.api.MustSubmitReason;
import org.mianzheng.api.Plan;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.ServiceItem;

/**
 * Decides, per material, EXEMPT / DIRECTED / MUST_SUBMIT. Rules in order (first match wins):
 * <ol>
 *   <li>prepared by the applicant → MUST_SUBMIT {@link MustSubmitReason#NOT_GOVERNMENT_ISSUED} (Art. 2)</li>
 *   <li>item reviewed at region level or above → MUST_SUBMIT {@link MustSubmitReason#REVIEWED_AT_REGION_LEVEL} (Art. 3)</li>
 *   <li>material in an Art. 3 risk category → MUST_SUBMIT with that category (Art. 3)</li>
 *   <li>issued outside the city and not verifiable online → MUST_SUBMIT {@link MustSubmitReason#OUTSIDE_CITY_NOT_VERIFIABLE} (Art. 3)</li>
 *   <li>not exempt in the catalog → MUST_SUBMIT {@link MustSubmitReason#NOT_IN_CATALOG} (Art. 16)</li>
 *   <li>data call or data verification → EXEMPT with the catalog's channel order</li>
 *   <li>directed → DIRECTED to the issuing department</li>
 * </ol>
 */
final class PlanCompiler {
    private PlanCompiler() {
    }

    static Plan compile(ServiceItem item, long version) {
        List<MaterialPlan> out = new ArrayList<>(item.materials().size());
        for (MaterialRequirement m : item.materials()) {
            out.add(decide(item, m));
        }
        return new Plan(item, version, out);
    }

    static MaterialPlan decide(ServiceItem item, MaterialRequirement m) {
        if (m.issuer().applicantPrepared()) {
            return mustSubmit(m, MustSubmitReason.NOT_GOVERNMENT_ISSUED);
        }
        if (item.reviewLevel().regionOrAbove()) {
            return mustSubmit(m, MustSubmitReason.REVIEWED_AT_REGION_LEVEL);
        }
        if (m.riskCategory() != null) {
            return mustSubmit(m, MustSubmitReason.of(m.riskCategory()));
        }
        if (!m.issuer().inCity() && !m.issuer().verifiableOnline()) {
            return mustSubmit(m, MustSubmitReason.OUTSIDE_CITY_NOT_VERIFIABLE);
        }
        Exemption e = m.exemption();
        return switch (e.mode()) {
            case NONE -> mustSubmit(m, MustSubmitReason.NOT_IN_CATALOG);
            case DATA_CALL, DATA_VERIFY -> new MaterialPlan(m, MaterialDecision.EXEMPT, e.mode(), e.channels(), null, null);
            case DIRECTED -> new MaterialPlan(m, MaterialDecision.DIRECTED, RetrievalMode.DIRECTED, List.of(), m.issuer().departmentCode(), null);
        };
    }

    private static MaterialPlan mustSubmit(MaterialRequirement m, MustSubmitReason reason) {
        return new MaterialPlan(m, MaterialDecision.MUST_SUBMIT, RetrievalMode.NONE, List.of(), null, reason);
    }
}
