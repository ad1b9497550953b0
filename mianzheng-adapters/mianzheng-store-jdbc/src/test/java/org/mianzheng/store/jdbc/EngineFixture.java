package org.mianzheng.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mianzheng.api.Case;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.api.Holder;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.Role;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.api.spi.LicenseSource;
import org.mianzheng.api.spi.Notifier;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.catalog.CatalogJson;
import org.mianzheng.core.workorders.SlaSettings;

/** A small catalog, accounts, an in-process licence source and engines on given stores, for engine-level store tests. */
final class EngineFixture {
    static final Holder ZHANG = Holder.person("11010519491231002X", "张三");
    static final byte[] PDF = "%PDF-1.7\n%result\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final String CATALOG = """
            {"schemaVersion": 1,
             "departments": [
               {"code": "ZWFWJ", "name": "乌海市行政审批和政务服务局", "level": "CITY"},
               {"code": "SCJGJ", "name": "乌海市市场监督管理局", "level": "CITY"},
               {"code": "GAJ", "name": "乌海市公安局", "level": "CITY"}],
             "licenseTypes": [{"code": "JMSFZ", "name": "居民身份证", "holderKind": "PERSON"}],
             "items": [
               {"code": "ZJ001", "name": "公共租赁住房申请", "department": "ZWFWJ", "level": "CITY", "handling": "IMMEDIATE",
                "materials": [
                  {"code": "SFZ", "name": "居民身份证", "kind": "ELECTRONIC_LICENSE", "licenseType": "JMSFZ",
                   "issuer": {"department": "GAJ"}, "legalBasis": "《居民身份证法》", "exemption": {"mode": "DATA_CALL", "channels": ["onewindow"]}},
                  {"code": "PF", "name": "规划批复", "kind": "FILE_APPROVAL",
                   "issuer": {"department": "SCJGJ"}, "legalBasis": "《城乡规划法》", "exemption": {"mode": "DIRECTED"}}]}]}
            """;

    private EngineFixture() {
    }

    /**
     * @param y   year
     * @param m   month
     * @param d   day
     * @param h   hour
     * @param min minute
     * @return that local time in Asia/Shanghai
     */
    static Instant shanghai(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** A licence source that finds every resident identity card. */
    static final class Source implements LicenseSource {
        @Override
        public String id() {
            return "onewindow";
        }

        @Override
        public CompletionStage<SourceResult> retrieve(LicenseQuery q) {
            if (!"JMSFZ".equals(q.licenseTypeCode())) {
                return CompletableFuture.completedFuture(SourceResult.of(SourceOutcome.NOT_FOUND, "10", "no match"));
            }
            return CompletableFuture.completedFuture(SourceResult.found(new License(null, "JMSFZ", "150302199001011234", q.holder(), q.holderName(),
                    "乌海市公安局", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1), LocalDate.of(2040, 1, 1), LicenseStatus.VALID,
                    Map.of("姓名", q.holderName()), null)));
        }
    }

    /**
     * @param stores   the stores
     * @param clock    the clock
     * @param notifier the notifier
     * @param settings SLA settings (sweep disabled by default: tests call runDueActions)
     * @return an engine on the stores
     */
    static Mianzheng engine(JdbcStores stores, Clock clock, Notifier notifier, SlaSettings settings) {
        return stores.applyTo(Mianzheng.builder()).clock(clock).notifier(notifier).licenseSource(new Source())
                .slaSettings(settings).auditSubjectKey("store-test-subject-key-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
    }

    /** @return SLA defaults without the engine's own sweep */
    static SlaSettings manualSweep() {
        return SlaSettings.defaults().withSweepEvery(Duration.ZERO);
    }

    /**
     * Files the catalog and registers clerk1 (window clerk), sup (supervisor) and verifier-scjgj, unless the store has them.
     *
     * @param mz the engine
     */
    static void setUp(Mianzheng mz) {
        if (mz.accounts().find("clerk1").isPresent()) {
            return;
        }
        mz.catalog().file(new FilingRequest("ZWFWJ", "admin1", "初始目录", "乌海市免证办工作运行规则第十六条",
                List.of(new CatalogChange.ReplaceAll(CatalogJson.parse(CATALOG)))));
        var a = mz.accounts();
        a.register("clerk1", "李一", "ZWFWJ", "W01", Set.of(Role.WINDOW_CLERK), "admin1", "市行政审批和政务服务局");
        a.register("sup", "孙监督", "ZWFWJ", null, Set.of(Role.SUPERVISOR), "admin1", "市行政审批和政务服务局");
        a.register("verifier-scjgj", "吴核验", "SCJGJ", null, Set.of(Role.DEPARTMENT_VERIFIER), "admin1", "市行政审批和政务服务局");
    }

    /**
     * @param mz    the engine
     * @param bizNo case number
     * @return a case of 张三 with consent for SFZ and PF
     */
    static Case caseWithConsent(Mianzheng mz, String bizNo) {
        Case c = mz.cases().open(bizNo, "ZJ001", ZHANG, Map.of("SFZ", Map.of("姓名", "张三")), "W01", "clerk1");
        mz.consents().grant(new ConsentRequest(c.bizNo(), "clerk1", Set.of("SFZ", "PF"), "办理公共租赁住房申请", ConsentMethod.PAPER_FORM,
                "form-" + bizNo, "b".repeat(64), mz.clock().instant().plus(Duration.ofDays(7))));
        return c;
    }
}
