package org.mianzheng.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AccessEntry;
import org.mianzheng.api.AccessReport;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ReportPeriod;
import org.mianzheng.api.SelfAccessRequest;
import org.mianzheng.api.SpotCheck;
import org.mianzheng.api.SpotCheckCase;
import org.mianzheng.api.SpotCheckRequest;
import org.mianzheng.core.Mianzheng;

class SpotCheckAndAccessTest {
    SupervisionFixture f;

    @BeforeEach
    void scenario() {
        f = new SupervisionFixture();
        f.runScenario();
        f.clock.set(f.clock.instant().plus(Duration.ofDays(1)));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<AuditEvent> chain() {
        return f.mz.audit().read(1, 10_000, "sup", "test");
    }

    @Test
    void aSeededSampleIsReproducibleAndCarriesTheFullTrails() {
        SpotCheck first = f.mz.supervision().spotCheck(new SpotCheckRequest(SupervisionFixture.MARCH_2, null, 2, 20260302L), "sup");
        SpotCheck second = f.mz.supervision().spotCheck(new SpotCheckRequest(SupervisionFixture.MARCH_2, null, 2, 20260302L), "sup");
        assertThat(first.population()).isEqualTo(4);
        assertThat(first.cases()).hasSize(2);
        assertThat(second.bizNos()).isEqualTo(first.bizNos());
        assertThat(second.cases()).isEqualTo(first.cases());   // trails included; only trailThrough moved on (the first check's event)
        assertThat(second.trailThrough().sequence()).isEqualTo(first.trailThrough().sequence() + 1);
        // the draw is the documented one: partial Fisher-Yates over the population sorted by bizNo, java.util.Random(seed)
        List<String> population = List.of("A-001", "B-001", "C-001", "D-001");
        int[] idx = {0, 1, 2, 3};
        Random rnd = new Random(20260302L);
        for (int i = 0; i < 2; i++) {
            int j = i + rnd.nextInt(4 - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        List<String> expected = Arrays.stream(idx, 0, 2).mapToObj(population::get).sorted().toList();
        assertThat(first.bizNos()).isEqualTo(expected);
        // each trail is every event of its case, in chain order
        List<AuditEvent> all = chain();
        for (SpotCheckCase c : first.cases()) {
            List<AuditEvent> expectedTrail = all.stream().filter(e -> c.bizNo().equals(e.bizNo()) && e.sequence() <= first.trailThrough().sequence())
                    .toList();
            assertThat(c.trail()).isEqualTo(expectedTrail);
            assertThat(c.trail().get(0).type()).isEqualTo(AuditType.CASE_OPENED);
        }
        // different seeds draw differently (at least one of several)
        Set<List<String>> draws = new java.util.HashSet<>();
        for (long seed = 1; seed <= 6; seed++) {
            draws.add(f.mz.supervision().spotCheck(new SpotCheckRequest(SupervisionFixture.MARCH_2, null, 2, seed), "sup").bizNos());
        }
        assertThat(draws).hasSizeGreaterThan(1);
        AuditEvent audited = chain().stream().filter(e -> e.type() == AuditType.SUPERVISION && "SPOT_CHECK".equals(e.detail().get("act")))
                .findFirst().orElseThrow();
        assertThat(audited.detail()).containsEntry("seed", "20260302").containsEntry("population", "4")
                .containsEntry("sample", String.join(",", first.bizNos()));
    }

    @Test
    void spotChecksFilterByDepartmentAndNeedASupervisor() {
        SpotCheck scjgj = f.mz.supervision().spotCheck(new SpotCheckRequest(SupervisionFixture.MARCH_2, "SCJGJ", 5, 7L), "sup");
        assertThat(scjgj.population()).isEqualTo(1);
        assertThat(scjgj.bizNos()).containsExactly("C-001");
        SpotCheck none = f.mz.supervision().spotCheck(new SpotCheckRequest(ReportPeriod.days(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 2),
                Mianzheng.DEFAULT_ZONE), null, 5, 7L), "sup");
        assertThat(none.cases()).isEmpty();
        assertThatThrownBy(() -> f.mz.supervision().spotCheck(new SpotCheckRequest(SupervisionFixture.MARCH_2, null, 2, 1L), "clerk1"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new SpotCheckRequest(SupervisionFixture.MARCH_2, null, 0, 1L)).isInstanceOf(
                org.mianzheng.api.InvalidValueException.class);
        assertThat(DefaultSupervisionService.sample(10, 10, 3L)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void whoAccessedMyDataIsCompleteAndItselfAudited() {
        String subject = f.mz.auditSubject(SupervisionFixture.ZHANG.id());
        // the holder's events, and refusals and flags on the holder's cases (A-001, C-001)
        List<AuditEvent> mine = chain().stream().filter(e -> subject.equals(e.subject()) || ((e.type() == AuditType.REFUSAL
                || e.type() == AuditType.VIOLATION) && Set.of("A-001", "C-001").contains(e.bizNo()))).toList();
        assertThat(mine).anySatisfy(e -> assertThat(e.type()).isEqualTo(AuditType.VIOLATION));
        AccessReport report = f.mz.supervision().accessReport(SupervisionFixture.ZHANG.id(), null, "sup", "答复投诉 BBCS-0001");
        assertThat(report.holderMasked()).isEqualTo("110***********002X");
        assertThat(report.subject()).isEqualTo(subject);
        assertThat(report.entries()).extracting(AccessEntry::sequence).containsExactlyElementsOf(mine.stream().map(AuditEvent::sequence).toList());
        // every retrieval: by whom, for which case and purpose
        List<AccessEntry> retrievals = report.of(AuditType.RETRIEVAL);
        assertThat(retrievals).hasSize(3);
        assertThat(retrievals).allSatisfy(e -> {
            assertThat(e.operatorId()).isEqualTo("clerk1");
            assertThat(e.operatorName()).isEqualTo("李一");
            assertThat(e.departmentCode()).isEqualTo("ZWFWJ");
            assertThat(e.purpose()).startsWith("办理");
            assertThat(e.itemCode()).isIn("ZJ001", "SC001");
        });
        assertThat(retrievals).extracting(AccessEntry::bizNo).containsExactly("A-001", "C-001", "C-001");
        assertThat(report.of(AuditType.CACHE_HIT)).singleElement().satisfies(e -> assertThat(e.purpose()).isEqualTo("办理ZJ001"));
        assertThat(report.of(AuditType.WORK_ORDER)).isNotEmpty().allSatisfy(e -> assertThat(e.purpose()).isNotNull());
        assertThat(report.of(AuditType.COMPLAINT)).hasSize(3);      // the complainant's own complaint, received, assigned, resolved
        // making it is audited with the holder's digest, so the next report shows it
        AuditEvent made = chain().stream().filter(e -> e.type() == AuditType.SUPERVISION && subject.equals(e.subject())).findFirst().orElseThrow();
        assertThat(made.actor()).isEqualTo("sup");
        assertThat(made.detail()).containsEntry("act", "ACCESS_REPORT").containsEntry("purpose", "答复投诉 BBCS-0001")
                .containsEntry("entries", Integer.toString(report.entries().size()));
        AccessReport next = f.mz.supervision().accessReport(SupervisionFixture.ZHANG.id(), null, "sup", "复核");
        assertThat(next.entries()).hasSize(report.entries().size() + 1);
        assertThat(next.entries().get(next.entries().size() - 1).act()).isEqualTo("SUPERVISION:ACCESS_REPORT");
    }

    @Test
    void refusalsOnTheHoldersCasesAreShownAndPeriodsLimitTheEntries() {
        AccessReport wang = f.mz.supervision().accessReport(SupervisionFixture.WANG.id(), null, "sup", "抽查");
        assertThat(wang.of(AuditType.REFUSAL)).singleElement().satisfies(e -> {
            assertThat(e.bizNo()).isEqualTo("D-001");
            assertThat(e.operatorId()).isEqualTo("clerk1");
        });
        AccessReport feb = f.mz.supervision().accessReport(SupervisionFixture.WANG.id(), ReportPeriod.days(LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 28), Mianzheng.DEFAULT_ZONE), "sup", "抽查");
        assertThat(feb.entries()).isEmpty();
        assertThatThrownBy(() -> f.mz.supervision().accessReport(SupervisionFixture.WANG.id(), null, "clerk1", "好奇"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anApplicantMayAskForTheirOwnReportAtTheWindow() {
        AccessReport own = f.mz.supervision().accessReport(new SelfAccessRequest(SupervisionFixture.LI.id(), "clerk2", ConsentMethod.FACE_MATCH,
                "face-0303-01", "c".repeat(64)));
        assertThat(own.selfRequest()).isTrue();
        assertThat(own.requestedBy()).isEqualTo("clerk2");
        assertThat(own.entries()).extracting(AccessEntry::bizNo).filteredOn(b -> b != null).allMatch(b -> b.equals("B-001"));
        AuditEvent made = chain().stream().filter(e -> e.type() == AuditType.SUPERVISION && "ACCESS_REPORT_SELF".equals(e.detail().get("act")))
                .findFirst().orElseThrow();
        assertThat(made.subject()).isEqualTo(f.mz.auditSubject(SupervisionFixture.LI.id()));
        assertThat(made.detail()).containsEntry("method", "FACE_MATCH").containsEntry("evidenceRef", "face-0303-01").containsEntry("window", "W02");
        assertThatThrownBy(() -> f.mz.supervision().accessReport(new SelfAccessRequest(SupervisionFixture.LI.id(), "verifier-gaj",
                ConsentMethod.FACE_MATCH, "face-0303-02", "c".repeat(64)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void noExportHoldsAnIdentityNumberOrAnApplicantsName() {
        List<String> exports = new ArrayList<>();
        var r = f.mz.supervision().report(SupervisionFixture.MARCH_2, null, "sup");
        exports.add(SupervisionExports.usageReportJson(r));
        exports.add(SupervisionExports.usageReportCsv(r));
        exports.add(SupervisionExports.usageReportHtml(r));
        exports.add(SupervisionExports.spotCheckJson(f.mz.supervision().spotCheck(new SpotCheckRequest(SupervisionFixture.MARCH_2, null, 4, 1L),
                "sup")));
        for (var h : List.of(SupervisionFixture.ZHANG, SupervisionFixture.LI, SupervisionFixture.WANG)) {
            exports.add(SupervisionExports.accessReportJson(f.mz.supervision().accessReport(h.id(), null, "sup", "核查")));
        }
        exports.add(SupervisionExports.guideHtml(f.mz.guides().guide("SC001")));
        exports.add(SupervisionExports.guideJson(f.mz.guides().guide("ZJ001")));
        Set<String> secrets = Set.of(SupervisionFixture.ZHANG.id().value(), SupervisionFixture.LI.id().value(), SupervisionFixture.WANG.id().value(),
                "张三", "李四", "王五", "11010519491231", "4405241880010100", "窗口仍要求提供营业执照复印件");
        for (String e : exports) {
            for (String s : secrets) {
                assertThat(e).as("an export contains %s", s).doesNotContain(s);
            }
        }
        assertThat(exports.stream().collect(Collectors.joining())).contains("110***********002X");
    }
}
