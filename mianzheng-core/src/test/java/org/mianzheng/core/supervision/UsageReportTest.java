package org.mianzheng.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mianzheng.core.supervision.SupervisionFixture.MARCH_2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.BreachReason;
import org.mianzheng.api.ComplaintCategory;
import org.mianzheng.api.ComplaintChannel;
import org.mianzheng.api.DirectedFigures;
import org.mianzheng.api.MustSubmitReason;
import org.mianzheng.api.Ratio;
import org.mianzheng.api.ReportDimension;
import org.mianzheng.api.ReportPeriod;
import org.mianzheng.api.RetrievalOutcome;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.UsageFigures;
import org.mianzheng.api.UsageReport;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.core.Mianzheng;

/**
 * The usage report of the fixture's scenario (Monday 2026-03-02), figures worked out by hand:
 *
 * <pre>
 * cases   A ZJ001/ZJJ  W01 clerk1 张三: SFZ retrieved (onewindow) + cache hit; PF→SCJGJ done in 10 min; SRZM→GAJ done in 40 min (late)
 *         B ZJ001/ZJJ  W02 clerk2 李四: SFZ onewindow NOT_FOUND, cityhub UNAVAILABLE → MUST_SUBMIT; paper SFZ handed in;
 *                                      PF→SCJGJ returned in 5 min (in time), transferred → GAJ done in 20 min
 *         C SC001/SCJGJ W01 clerk1 张三: YYZZ retrieved (onewindow); SFZ REVOKED → MUST_SUBMIT; ZSZM→ZJJ open, due tomorrow
 *         D ZJ001/ZJJ  W01 clerk1 王五: SFZ refused (outside consent); SRZM→GAJ never answered (due 11:51)
 * eligible materials (EXEMPT or DIRECTED): ZJ001 SFZ PF SRZM WFZM = 4, SC001 YYZZ SFZ ZSZM WFZM ZG = 5 → 4+4+5+4 = 17
 * obtained electronically: A SFZ PF SRZM, B PF, C YYZZ = 5 → 29.4 %
 * directed: 6 created; settled 5 (3 completed, 1 returned, 1 overdue open), 3 in time → 60.0 %; 1 pending
 *           response times 5, 10, 20, 40 min → P50 (rank 2) 10 min, P90 (rank 4) 40 min
 * </pre>
 */
class UsageReportTest {
    SupervisionFixture f;
    UsageReport r;

    @BeforeEach
    void scenario() {
        f = new SupervisionFixture();
        f.runScenario();
        f.clock.set(f.clock.instant().plus(Duration.ofDays(2)));
        r = f.mz.supervision().report(MARCH_2, null, "sup");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void totalsMatchTheHandCount() {
        UsageFigures t = r.totals();
        assertThat(r.complete()).isTrue();
        assertThat(t.casesOpened()).isEqualTo(4);
        assertThat(t.retrievals().total()).isEqualTo(4);
        assertThat(t.retrievals().byOutcome()).isEqualTo(Map.of(RetrievalOutcome.RETRIEVED, 2L, RetrievalOutcome.MUST_SUBMIT, 2L));
        assertThat(t.retrievals().servedByChannel()).isEqualTo(Map.of("onewindow", 2L));
        assertThat(t.retrievals().cacheHits()).isEqualTo(1);
        assertThat(t.retrievals().fallbackReasons()).isEqualTo(Map.of(MustSubmitReason.NO_CHANNEL_AVAILABLE, 1L,
                MustSubmitReason.LICENSE_NOT_USABLE, 1L));
        assertThat(t.retrievals().channelAttempts()).isEqualTo(Map.of(
                "onewindow", Map.of(SourceOutcome.FOUND, 2L, SourceOutcome.NOT_FOUND, 1L, SourceOutcome.REVOKED, 1L),
                "cityhub", Map.of(SourceOutcome.UNAVAILABLE, 1L)));
        assertThat(t.exemption()).isEqualTo(new Ratio(5, 17));
        assertThat(t.exemption().percent()).isEqualByComparingTo(new BigDecimal("29.4"));
        assertThat(t.voluntarySubmissions()).isEqualTo(1);
        assertThat(t.voluntaryOfExempt()).isEqualTo(1);

        DirectedFigures df = t.directed();
        assertThat(df.created()).isEqualTo(6);
        assertThat(df.completed()).isEqualTo(3);
        assertThat(df.returned()).isEqualTo(1);
        assertThat(df.transferred()).isEqualTo(1);
        assertThat(df.cancelled()).isZero();
        assertThat(df.pending()).isEqualTo(1);
        assertThat(df.compliance()).isEqualTo(new Ratio(3, 5));
        assertThat(df.compliance().percent()).isEqualByComparingTo(new BigDecimal("60.0"));
        assertThat(df.responseP50()).isEqualTo(Duration.ofMinutes(10));
        assertThat(df.responseP90()).isEqualTo(Duration.ofMinutes(40));
        assertThat(df.breaches()).isEqualTo(Map.of(BreachReason.ANSWERED_LATE, 1L, BreachReason.OVERDUE_OPEN, 1L));

        assertThat(t.violations().byKind()).isEqualTo(Map.of(ViolationKind.ORIGINALS_DEMANDED, 1L, ViolationKind.OUT_OF_CONSENT_SCOPE, 1L));
        assertThat(t.violations().refused()).isEqualTo(1);
        assertThat(t.violations().flagged()).isEqualTo(1);
        assertThat(t.violations().confirmed()).isEqualTo(1);
        assertThat(t.violations().dismissed()).isEqualTo(1);

        assertThat(t.complaints().received()).isEqualTo(2);
        assertThat(t.complaints().resolved()).isEqualTo(1);
        assertThat(t.complaints().open()).isEqualTo(1);
        assertThat(t.complaints().byChannel()).isEqualTo(Map.of(ComplaintChannel.WINDOW, 1L, ComplaintChannel.HOTLINE_12345, 1L));
        assertThat(t.complaints().byCategory()).isEqualTo(Map.of(ComplaintCategory.ORIGINALS_DEMANDED, 1L, ComplaintCategory.DELAY, 1L));
    }

    @Test
    void departmentsWindowsOperatorsChannelsAndLicenceTypes() {
        Map<String, UsageFigures> dept = r.by(ReportDimension.DEPARTMENT);
        assertThat(dept.keySet()).containsExactly("GAJ", "SCJGJ", "ZJJ", "ZWFWJ");
        assertThat(r.label(ReportDimension.DEPARTMENT, "GAJ")).isEqualTo("乌海市公安局");

        UsageFigures zjj = dept.get("ZJJ");
        assertThat(zjj.casesOpened()).isEqualTo(3);
        assertThat(zjj.retrievals().total()).isEqualTo(2);
        assertThat(zjj.exemption()).isEqualTo(new Ratio(4, 12));
        assertThat(zjj.voluntarySubmissions()).isEqualTo(1);
        assertThat(zjj.directed().created()).isEqualTo(1);          // C's ZSZM, received by ZJJ
        assertThat(zjj.directed().pending()).isEqualTo(1);

        UsageFigures scjgj = dept.get("SCJGJ");
        assertThat(scjgj.casesOpened()).isEqualTo(1);
        assertThat(scjgj.exemption()).isEqualTo(new Ratio(1, 5));
        assertThat(scjgj.directed().created()).isEqualTo(2);        // A's PF, B's PF
        assertThat(scjgj.directed().compliance()).isEqualTo(new Ratio(2, 2));
        assertThat(scjgj.directed().responseP50()).isEqualTo(Duration.ofMinutes(5));
        assertThat(scjgj.directed().responseP90()).isEqualTo(Duration.ofMinutes(10));
        assertThat(scjgj.directed().returned()).isEqualTo(1);
        assertThat(scjgj.directed().transferred()).isEqualTo(1);
        assertThat(scjgj.complaints().received()).isEqualTo(1);
        assertThat(scjgj.complaints().resolved()).isEqualTo(1);

        UsageFigures gaj = dept.get("GAJ");
        assertThat(gaj.directed().created()).isEqualTo(3);          // A's SRZM, B's transferred PF, D's SRZM
        assertThat(gaj.directed().compliance()).isEqualTo(new Ratio(1, 3));
        assertThat(gaj.directed().compliance().percent()).isEqualByComparingTo(new BigDecimal("33.3"));
        assertThat(gaj.directed().responseP50()).isEqualTo(Duration.ofMinutes(20));
        assertThat(gaj.directed().responseP90()).isEqualTo(Duration.ofMinutes(40));
        assertThat(gaj.directed().breaches()).isEqualTo(Map.of(BreachReason.ANSWERED_LATE, 1L, BreachReason.OVERDUE_OPEN, 1L));
        assertThat(gaj.complaints().open()).isEqualTo(1);

        UsageFigures bureau = dept.get("ZWFWJ");                      // the clerks' department
        assertThat(bureau.violations().total()).isEqualTo(2);
        assertThat(bureau.casesOpened()).isZero();

        assertThat(r.by(ReportDimension.WINDOW).get("W01").casesOpened()).isEqualTo(3);
        assertThat(r.by(ReportDimension.WINDOW).get("W02").casesOpened()).isEqualTo(1);
        assertThat(r.by(ReportDimension.OPERATOR).get("clerk1").casesOpened()).isEqualTo(3);
        assertThat(r.by(ReportDimension.OPERATOR).get("clerk2").retrievals().byOutcome()).isEqualTo(Map.of(RetrievalOutcome.MUST_SUBMIT, 1L));

        UsageFigures ow = r.by(ReportDimension.CHANNEL).get("onewindow");
        assertThat(ow.retrievals().total()).isEqualTo(2);
        assertThat(ow.retrievals().cacheHits()).isEqualTo(1);
        assertThat(r.by(ReportDimension.CHANNEL).get("cityhub").retrievals().channelAttempts())
                .isEqualTo(Map.of("cityhub", Map.of(SourceOutcome.UNAVAILABLE, 1L)));

        UsageFigures sfz = r.by(ReportDimension.LICENSE_TYPE).get("JMSFZ");
        assertThat(r.label(ReportDimension.LICENSE_TYPE, "JMSFZ")).isEqualTo("居民身份证");
        assertThat(sfz.retrievals().total()).isEqualTo(3);
        assertThat(sfz.exemption()).isEqualTo(new Ratio(1, 4));
        assertThat(r.by(ReportDimension.LICENSE_TYPE).get("YYZZ").exemption()).isEqualTo(new Ratio(1, 1));
    }

    @Test
    void aDepartmentReportIsThatDepartmentsRow() {
        UsageReport gaj = f.mz.supervision().report(MARCH_2, "GAJ", "sup");
        assertThat(gaj.totals()).isEqualTo(r.by(ReportDimension.DEPARTMENT).get("GAJ"));
        assertThat(gaj.by(ReportDimension.DEPARTMENT).keySet()).containsExactly("GAJ");
        assertThat(gaj.departmentCode()).isEqualTo("GAJ");
    }

    @Test
    void aPastPeriodGivesTheSameBytesEvenAfterLaterEvents() {
        String json = SupervisionExports.usageReportJson(r);
        String csv = SupervisionExports.usageReportCsv(r);
        String html = SupervisionExports.usageReportHtml(r);
        // later activity on the open order and a new case: outside the period
        f.mz.workOrders().complete(f.cOrder.id(), "verifier-zjj", SupervisionFixture.PDF);
        f.open("E-001", "ZJ001", SupervisionFixture.LI, "clerk2", "W02", "SFZ");
        UsageReport again = f.mz.supervision().report(MARCH_2, null, "sup");
        assertThat(again).isEqualTo(r);
        assertThat(SupervisionExports.usageReportJson(again).getBytes(StandardCharsets.UTF_8)).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        assertThat(SupervisionExports.usageReportCsv(again)).isEqualTo(csv);
        assertThat(SupervisionExports.usageReportHtml(again)).isEqualTo(html);
        // and the report is anchored to the last event of the period
        AuditEvent anchor = f.mz.audit().read(r.auditThrough().sequence(), 2, "sup", "check anchor").get(0);
        assertThat(anchor.hash()).isEqualTo(r.auditThrough().hash());
        assertThat(MARCH_2.contains(anchor.at())).isTrue();
    }

    @Test
    void anOpenPeriodIsMarkedIncomplete() {
        f.clock.set(SupervisionFixture.at(11, 55));
        UsageReport now = f.mz.supervision().report(ReportPeriod.month(YearMonth.of(2026, 3), Mianzheng.DEFAULT_ZONE), null, "sup");
        assertThat(now.complete()).isFalse();
        assertThat(SupervisionExports.usageReportHtml(now)).contains("provisional");
    }

    @Test
    void anEmptyPeriodIsAnchoredToTheLastEarlierEvent() {
        UsageReport empty = f.mz.supervision().report(ReportPeriod.days(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3), Mianzheng.DEFAULT_ZONE),
                null, "sup");
        assertThat(empty.totals().casesOpened()).isZero();
        assertThat(empty.totals().exemption().percent()).isNull();
        assertThat(empty.auditThrough().sequence()).isEqualTo(r.auditThrough().sequence());
        UsageReport before = f.mz.supervision().report(ReportPeriod.days(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1), Mianzheng.DEFAULT_ZONE),
                null, "sup");
        assertThat(before.auditThrough().sequence()).isZero();
    }

    @Test
    void reportsNeedASupervisorAndAreAudited() {
        assertThatThrownBy(() -> f.mz.supervision().report(MARCH_2, null, "clerk1")).isInstanceOf(AccessDeniedException.class);
        List<AuditEvent> all = f.mz.audit().read(1, 10_000, "sup", "test");
        AuditEvent made = all.stream().filter(e -> e.type() == AuditType.SUPERVISION && "USAGE_REPORT".equals(e.detail().get("act")))
                .findFirst().orElseThrow();
        assertThat(made.actor()).isEqualTo("sup");
        assertThat(made.detail()).containsEntry("from", MARCH_2.from().toString()).containsEntry("through",
                Long.toString(r.auditThrough().sequence()));
        assertThat(made.detail().get("jsonSha256")).isEqualTo(org.mianzheng.api.Digests.sha256Hex(
                SupervisionExports.usageReportJson(r).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void jsonExportHoldsTheFigures() throws Exception {
        JsonNode j = new ObjectMapper().readTree(SupervisionExports.usageReportJson(r));
        assertThat(j.path("format").asText()).isEqualTo("mianzheng-usage-report-v1");
        assertThat(j.path("period").path("firstDay").asText()).isEqualTo("2026-03-02");
        assertThat(j.path("period").path("lastDay").asText()).isEqualTo("2026-03-02");
        JsonNode t = j.path("totals");
        assertThat(t.path("exemption").path("obtained").asLong()).isEqualTo(5);
        assertThat(t.path("exemption").path("eligible").asLong()).isEqualTo(17);
        assertThat(t.path("exemption").path("percent").decimalValue()).isEqualByComparingTo("29.4");
        assertThat(t.path("directed").path("compliance").path("percent").decimalValue()).isEqualByComparingTo("60.0");
        assertThat(t.path("directed").path("responseP50Ms").asLong()).isEqualTo(600_000);
        assertThat(t.path("directed").path("responseP90Ms").asLong()).isEqualTo(2_400_000);
        assertThat(t.path("directed").path("breaches").path("OVERDUE_OPEN").asLong()).isEqualTo(1);
        assertThat(t.path("retrievals").path("channelAttempts").path("cityhub").path("UNAVAILABLE").asLong()).isEqualTo(1);
        assertThat(t.path("violations").path("byKind").path("ORIGINALS_DEMANDED").asLong()).isEqualTo(1);
        assertThat(t.path("complaints").path("byChannel").path("HOTLINE_12345").asLong()).isEqualTo(1);
        JsonNode gaj = j.path("byDepartment").get(0);
        assertThat(gaj.path("key").asText()).isEqualTo("GAJ");
        assertThat(gaj.path("name").asText()).isEqualTo("乌海市公安局");
        assertThat(gaj.path("figures").path("directed").path("created").asLong()).isEqualTo(3);
        assertThat(j.path("byLicenseType").get(0).path("key").asText()).isEqualTo("JMSFZ");
        assertThat(j.path("auditThrough").path("sequence").asLong()).isEqualTo(r.auditThrough().sequence());
    }

    @Test
    void csvExportIsOneFigurePerRow() {
        String csv = SupervisionExports.usageReportCsv(r);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("dimension,key,name,metric,value");
        assertThat(lines).contains("TOTAL,*,,casesOpened,4", "TOTAL,*,,exemption.percent,29.4", "TOTAL,*,,directed.compliance.percent,60.0",
                "TOTAL,*,,directed.responseP50Ms,600000", "TOTAL,*,,directed.responseP90Ms,2400000",
                "TOTAL,*,,retrievals.fallbackReasons.NO_CHANNEL_AVAILABLE,1", "DEPARTMENT,GAJ,乌海市公安局,directed.compliance.percent,33.3",
                "DEPARTMENT,GAJ,乌海市公安局,directed.breaches.ANSWERED_LATE,1", "WINDOW,W02,,voluntarySubmissions.total,1",
                "CHANNEL,onewindow,,retrievals.channelAttempts.onewindow.REVOKED,1", "LICENSE_TYPE,JMSFZ,居民身份证,exemption.percent,25.0",
                "DEPARTMENT,ZWFWJ,乌海市行政审批和政务服务局,violations.confirmed,1");
        assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(5));
        assertThat(SupervisionExports.csv("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(SupervisionExports.csv("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
        assertThat(SupervisionExports.csv("-12.5")).isEqualTo("-12.5");
    }

    @Test
    void htmlIsSelfContainedWithInlineSvg(@TempDir Path dir) throws Exception {
        List<Path> files = SupervisionExports.writeUsageReport(r, dir, "usage-2026-03-02");
        String html = Files.readString(files.get(2));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("</svg>").contains("Content-Security-Policy")
                .contains("default-src 'none'").contains("乌海市公安局").contains("29.4%").contains("60.0%");
        assertThat(html.split("<svg", -1).length - 1).isGreaterThanOrEqualTo(6);
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        assertThat(lower).doesNotContain("<script").doesNotContain("http:").doesNotContain("https:").doesNotContain("src=")
                .doesNotContain("href=").doesNotContain("url(").doesNotContain("@import").doesNotContain("<link").doesNotContain("<iframe")
                .doesNotContain("<object").doesNotContain("<embed").doesNotContain("//");
        assertThat(Files.readString(files.get(0))).isEqualTo(SupervisionExports.usageReportJson(r));
        assertThat(Files.readString(files.get(1))).isEqualTo(SupervisionExports.usageReportCsv(r));
    }

    @Test
    void percentilesAreNearestRank() {
        assertThat(ReportBuilder.percentile(new long[0], 50)).isNull();
        assertThat(ReportBuilder.percentile(new long[] {7}, 90)).isEqualTo(Duration.ofMillis(7));
        long[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(ReportBuilder.percentile(ten, 50)).isEqualTo(Duration.ofMillis(5));
        assertThat(ReportBuilder.percentile(ten, 90)).isEqualTo(Duration.ofMillis(9));
        long[] eleven = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertThat(ReportBuilder.percentile(eleven, 50)).isEqualTo(Duration.ofMillis(6));
        assertThat(ReportBuilder.percentile(eleven, 90)).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void deadlinesInAuditDetailsParseLikeInstantParse() {
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < 2_000; i++) {
            java.time.Instant t = java.time.Instant.ofEpochSecond(1_700_000_000L + rnd.nextInt(200_000_000), i % 3 == 0 ? 0 : rnd.nextInt(1_000_000_000));
            if (i % 5 == 0) {
                t = t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            }
            assertThat(ReportBuilder.instant(t.toString())).isEqualTo(t);
        }
        assertThat(ReportBuilder.instant("2026-02-30T10:00:00Z")).isNull();
        assertThat(ReportBuilder.instant("2026-03-02T10:00:00+08:00")).isEqualTo(java.time.Instant.parse("2026-03-02T02:00:00Z"));
        assertThat(ReportBuilder.instant("not a time")).isNull();
        assertThat(ReportBuilder.instant("+12026-03-02T10:00:00Z")).isEqualTo(java.time.Instant.parse("+12026-03-02T10:00:00Z"));
    }

    @Test
    void periodsAreHalfOpenDaysInTheirZone() {
        ReportPeriod m = ReportPeriod.month(YearMonth.of(2026, 2), Mianzheng.DEFAULT_ZONE);
        assertThat(m.from()).isEqualTo(java.time.Instant.parse("2026-01-31T16:00:00Z"));
        assertThat(m.to()).isEqualTo(java.time.Instant.parse("2026-02-28T16:00:00Z"));
        assertThat(m.contains(m.from())).isTrue();
        assertThat(m.contains(m.to())).isFalse();
        assertThatThrownBy(() -> new ReportPeriod(m.to(), m.from(), Mianzheng.DEFAULT_ZONE)).isInstanceOf(
                org.mianzheng.api.InvalidValueException.class);
    }
}
