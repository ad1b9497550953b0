package org.mianzheng.core.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mianzheng.api.CatalogException;
import org.mianzheng.api.CatalogFiling;
import org.mianzheng.api.Codes;
import org.mianzheng.api.Department;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.ExemptionCatalog;
import org.mianzheng.api.GuideEntry;
import org.mianzheng.api.Handling;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.MaterialKind;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.Plan;
import org.mianzheng.api.ServiceGuide;
import org.mianzheng.api.ServiceGuideService;
import org.mianzheng.api.ServiceItem;

/**
 * The engine's {@link ServiceGuideService}: the guide is the plan of the item as of the instant, worded for the
 * applicant. Nothing is cached, so a filing shows in the next guide.
 */
public final class DefaultServiceGuideService implements ServiceGuideService {
    private final Clock clock;
    private final ExemptionCatalog catalog;

    /**
     * @param clock   engine clock
     * @param catalog catalog
     */
    public DefaultServiceGuideService(Clock clock, ExemptionCatalog catalog) {
        this.clock = clock;
        this.catalog = catalog;
    }

    @Override
    public ServiceGuide guide(String itemCode) {
        return guide(itemCode, clock.instant());
    }

    @Override
    public ServiceGuide guide(String itemCode, Instant asOf) {
        String code = Codes.require(itemCode, "itemCode");
        InvalidValueException.requireNonNull(asOf, "asOf");
        Plan plan = catalog.plan(code, asOf);
        ServiceItem item = plan.item();
        String deptName = catalog.department(item.departmentCode(), asOf).map(Department::name).orElse(item.departmentCode());
        CatalogFiling last = null;
        for (CatalogFiling f : catalog.history(code)) {
            if (!f.filedAt().isAfter(asOf) && f.sequence() <= plan.catalogVersion()) {
                last = f;
            }
        }
        if (last == null) {
            throw new CatalogException(CatalogException.Reason.UNKNOWN_ITEM, null, "no filing of item " + code + " before " + asOf);
        }
        List<GuideEntry> notNeeded = new ArrayList<>();
        List<GuideEntry> stillNeeded = new ArrayList<>();
        for (MaterialPlan mp : plan.materials()) {
            GuideEntry e = new GuideEntry(mp.materialCode(), mp.material().name(), mp.material().kind(), mp.decision(), mp.mode(),
                    explain(mp, item, asOf), mp.reason(), mp.article(), mp.material().legalBasis());
            (e.notNeeded() ? notNeeded : stillNeeded).add(e);
        }
        return new ServiceGuide(item.code(), item.name(), item.departmentCode(), deptName, item.handling(), asOf, plan.catalogVersion(),
                last.sequence(), last.filedAt(), notNeeded, stillNeeded);
    }

    @Override
    public List<ServiceGuide> guides(String departmentCode, Instant asOf) {
        String dept = Codes.require(departmentCode, "departmentCode");
        InvalidValueException.requireNonNull(asOf, "asOf");
        List<ServiceGuide> out = new ArrayList<>();
        for (ServiceItem i : catalog.items(asOf)) {
            if (i.departmentCode().equals(dept)) {
                out.add(guide(i.code(), asOf));
            }
        }
        return out;
    }

    private static String channelName(String channel) {
        if (Exemption.ONEWINDOW.equals(channel)) {
            return "自治区“综合一窗”受理平台";
        }
        if (Exemption.CITYHUB.equals(channel)) {
            return "全市政务服务信息数据调用核验系统";
        }
        return channel;
    }

    private String explain(MaterialPlan mp, ServiceItem item, Instant asOf) {
        switch (mp.decision()) {
            case EXEMPT: {
                List<String> names = mp.channels().stream().map(DefaultServiceGuideService::channelName).toList();
                String via = String.join("或", names);
                String what = mp.material().kind() == MaterialKind.ELECTRONIC_LICENSE ? "电子证照" : "相关数据";
                return switch (mp.mode()) {
                    case DATA_VERIFY -> "无需提交。窗口工作人员经您现场授权后，通过" + via + "在线核验" + what + "。";
                    default -> "无需提交。窗口工作人员经您现场授权后，通过" + via + "直接调用" + what + "。";
                };
            }
            case DIRECTED: {
                String to = catalog.department(mp.directedTo(), asOf).map(Department::name).orElse(mp.directedTo());
                String verb = mp.material().kind() == MaterialKind.FILE_APPROVAL ? "定向核验" : "定向开具";
                String time = item.handling() == Handling.COMMITMENT ? "一般24小时内" : "一般30分钟内，较复杂的24小时内";
                return "无需提交。窗口经您现场授权后，通过全市政务服务信息数据调用核验系统向" + to + verb + "（" + time + "）。";
            }
            default:
                return "需要提交。" + mp.reason().chinese() + "（" + mp.article() + "）。";
        }
    }
}
