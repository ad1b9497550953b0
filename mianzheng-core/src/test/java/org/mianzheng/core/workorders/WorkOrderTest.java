package org.mianzheng.core.workorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mianzheng.core.workorders.WorkOrderFixture.PDF;
import static org.mianzheng.core.workorders.WorkOrderFixture.shanghai;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.ClockKind;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.FileContentException;
import org.mianzheng.api.Origin;
import org.mianzheng.api.SlaRule;
import org.mianzheng.api.SlaRuleSet;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.WorkOrderException;
import org.mianzheng.api.WorkOrderKind;
import org.mianzheng.api.WorkOrderState;

class WorkOrderTest {
    WorkOrderFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void fridayEveningRequestFallsDueOnTheMakeUpSaturdayMorning() {
        f = new WorkOrderFixture(shanghai(2026, 2, 13, 17, 50));
        Case c = f.caseWithConsent("ZJ001", "PF");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        assertThat(o.kind()).isEqualTo(WorkOrderKind.VERIFY_APPROVAL);
        assertThat(o.origin()).isEqualTo(Origin.WINDOW);
        assertThat(o.toDepartment()).isEqualTo("SCJGJ");
        assertThat(o.state()).isEqualTo(WorkOrderState.SUBMITTED);
        // 10 working minutes on Friday, 20 on Saturday 2026-02-14 (a make-up working day) from 08:30
        assertThat(o.answerDueAt()).isEqualTo(shanghai(2026, 2, 14, 8, 50));
        assertThat(o.returnDueAt()).isEqualTo(shanghai(2026, 2, 14, 8, 35));
        assertThat(o.ruleVersion()).isEqualTo(1);
        assertThat(o.provisional()).isFalse();
    }

    @Test
    void commitmentItemsAreComplexWithNaturalHours() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 16, 0));
        Case c = f.caseWithConsent("SC001", "ZSZM");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "ZSZM", "clerk1", Complexity.NORMAL);
        assertThat(o.complexity()).isEqualTo(Complexity.COMPLEX);
        assertThat(o.kind()).isEqualTo(WorkOrderKind.ISSUE_CERTIFICATION);
        assertThat(o.answerDueAt()).isEqualTo(o.createdAt().plus(Duration.ofHours(24)));
        assertThat(o.returnDueAt()).isEqualTo(shanghai(2026, 3, 2, 16, 15));
    }

    @Test
    void acceptAndCompleteInTime() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("ZJ001", "PF");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        f.clock.advance(Duration.ofMinutes(3));
        WorkOrder a = f.mz.workOrders().accept(o.id(), "verifier-scjgj");
        assertThat(a.state()).isEqualTo(WorkOrderState.ACCEPTED);
        assertThat(a.version()).isEqualTo(2);
        f.clock.advance(Duration.ofMinutes(20));
        WorkOrder done = f.mz.workOrders().complete(o.id(), "verifier-scjgj", PDF);
        assertThat(done.state()).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(done.result().sha256()).isEqualTo(org.mianzheng.api.Digests.sha256Hex(PDF));
        assertThat(done.compliant()).isTrue();
        assertThat(done.closedBy()).isEqualTo("verifier-scjgj");
        var events = f.mz.audit().read(1, 10_000, "sup", "t").stream().filter(e -> e.type() == AuditType.WORK_ORDER).toList();
        assertThat(events).extracting(e -> e.detail().get("event")).containsExactly("CREATED", "ACCEPTED", "COMPLETED");
        assertThatThrownBy(() -> f.mz.workOrders().complete(o.id(), "verifier-scjgj", PDF))
                .isInstanceOfSatisfying(WorkOrderException.class, e -> assertThat(e.reason()).isEqualTo(WorkOrderException.Reason.ILLEGAL_TRANSITION));
        assertThatThrownBy(() -> f.mz.workOrders().accept(o.id(), "verifier-scjgj")).isInstanceOf(WorkOrderException.class);
    }

    @Test
    void onlyAVerifierOfTheReceivingDepartmentAnswers() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("ZJ001", "PF");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        assertThatThrownBy(() -> f.mz.workOrders().complete(o.id(), "verifier-zjj", PDF))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.WRONG_ROLE));
        assertThatThrownBy(() -> f.mz.workOrders().accept(o.id(), "clerk1"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.WRONG_ROLE));
        f.mz.accounts().deregister("verifier-scjgj", "admin1", "bureau", "离职");
        assertThatThrownBy(() -> f.mz.workOrders().accept(o.id(), "verifier-scjgj"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.DEREGISTERED_ACCOUNT));
    }

    @Test
    void resultsAreCheckedFiles() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("ZJ001", "PF");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        assertThatThrownBy(() -> f.mz.workOrders().complete(o.id(), "verifier-scjgj", "<html>".getBytes())).isInstanceOf(FileContentException.class);
        assertThatThrownBy(() -> f.mz.workOrders().complete(o.id(), "verifier-scjgj", new byte[0])).isInstanceOf(FileContentException.class);
        byte[] huge = new byte[21 * 1024 * 1024];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        assertThatThrownBy(() -> f.mz.workOrders().complete(o.id(), "verifier-scjgj", huge)).isInstanceOf(FileContentException.class);
        assertThatThrownBy(() -> f.mz.workOrders().complete(o.id(), "verifier-scjgj", new byte[] {'P', 'K', 3, 4, 0}))
                .as("a ZIP that is not an OFD package").isInstanceOf(FileContentException.class);
        assertThatThrownBy(() -> f.mz.workOrders().complete(o.id(), "verifier-scjgj", ofd())).as("an OFD").isInstanceOf(WorkOrderException.class);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        assertThat(f.mz.workOrders().complete(o.id(), "verifier-scjgj", png).result().type()).isEqualTo(org.mianzheng.api.FileType.PNG);
    }

    @Test
    void returnNeedsReasonAndSuggestionAndTransferKeepsTheChain() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("ZJ001", "SRZM");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);
        assertThat(o.toDepartment()).isEqualTo("GAJ");
        assertThatThrownBy(() -> f.mz.workOrders().returnOrder(o.id(), "verifier-gaj", " ", "ZJJ")).isInstanceOf(WorkOrderException.class);
        assertThatThrownBy(() -> f.mz.workOrders().returnOrder(o.id(), "verifier-gaj", "不属于本单位职责", null)).isInstanceOf(WorkOrderException.class);
        assertThatThrownBy(() -> f.mz.workOrders().returnOrder(o.id(), "verifier-gaj", "不属于本单位职责", "NOPE")).isInstanceOf(WorkOrderException.class);
        f.clock.advance(Duration.ofMinutes(10));
        WorkOrder r = f.mz.workOrders().returnOrder(o.id(), "verifier-gaj", "收入证明不属于本单位职责", "ZJJ");
        assertThat(r.state()).isEqualTo(WorkOrderState.RETURNED);
        assertThat(r.compliant()).as("returned within 15 working minutes").isTrue();
        WorkOrder t = f.mz.workOrders().transfer(r.id(), "clerk1");
        assertThat(t.toDepartment()).isEqualTo("ZJJ");
        assertThat(t.transferredFrom()).isEqualTo(r.id());
        assertThat(t.createdAt()).isEqualTo(f.clock.instant());
        assertThat(f.mz.workOrders().find(r.id()).orElseThrow().transferredTo()).isEqualTo(t.id());
        assertThatThrownBy(() -> f.mz.workOrders().transfer(r.id(), "clerk1")).isInstanceOf(WorkOrderException.class);
        f.mz.workOrders().complete(t.id(), "verifier-zjj", PDF);
        assertThat(f.mz.workOrders().chain(t.id())).extracting(WorkOrder::id).containsExactly(o.id(), t.id());
        assertThat(f.mz.workOrders().chain(o.id())).extracting(WorkOrder::state).containsExactly(WorkOrderState.RETURNED, WorkOrderState.COMPLETED);
    }

    @Test
    void lateReturnIsNotCompliant() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("ZJ001", "SRZM");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);
        f.clock.advance(Duration.ofMinutes(16));
        WorkOrder r = f.mz.workOrders().returnOrder(o.id(), "verifier-gaj", "不属于本单位职责", "ZJJ");
        assertThat(r.compliant()).isFalse();
    }

    @Test
    void cancelAndIllegalTransitions() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("ZJ001", "PF");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        WorkOrder x = f.mz.workOrders().cancel(o.id(), "clerk1", "申请人撤回申请");
        assertThat(x.state()).isEqualTo(WorkOrderState.CANCELLED);
        assertThat(x.compliant()).isNull();
        assertThatThrownBy(() -> f.mz.workOrders().returnOrder(o.id(), "verifier-scjgj", "r", "ZJJ"))
                .isInstanceOfSatisfying(WorkOrderException.class, e -> assertThat(e.reason()).isEqualTo(WorkOrderException.Reason.ILLEGAL_TRANSITION));
        assertThatThrownBy(() -> f.mz.workOrders().transfer(o.id(), "clerk1")).isInstanceOf(WorkOrderException.class);
        assertThatThrownBy(() -> f.mz.workOrders().find("nope").orElseThrow()).isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> f.mz.workOrders().accept("nope", "verifier-scjgj"))
                .isInstanceOfSatisfying(WorkOrderException.class, e -> assertThat(e.reason()).isEqualTo(WorkOrderException.Reason.UNKNOWN_ORDER));
    }

    @Test
    void onlyTheRequestingClerkCancelsTransfersOrReclassifiesAWindowOrder() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("ZJ001", "PF", "SRZM");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        assertThatThrownBy(() -> f.mz.workOrders().cancel(o.id(), "clerk2", "申请人撤回申请"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.WRONG_ROLE));
        assertThatThrownBy(() -> f.mz.workOrders().reclassify(o.id(), "clerk2", Complexity.COMPLEX, "需要现场核查"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.WRONG_ROLE));
        WorkOrder s = f.mz.workOrders().request(c.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);
        f.mz.workOrders().returnOrder(s.id(), "verifier-gaj", "不属于本单位职责", "ZJJ");
        assertThatThrownBy(() -> f.mz.workOrders().transfer(s.id(), "clerk2"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.WRONG_ROLE));
        assertThat(f.mz.violations()).filteredOn(v -> v.kind() == ViolationKind.WRONG_ROLE).hasSize(3)
                .allSatisfy(v -> assertThat(v.operatorId()).isEqualTo("clerk2"));
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().state()).isEqualTo(WorkOrderState.SUBMITTED);
        assertThat(f.mz.workOrders().cancel(o.id(), "clerk1", "申请人撤回申请").state()).isEqualTo(WorkOrderState.CANCELLED);
        assertThat(f.mz.workOrders().transfer(s.id(), "clerk1").toDepartment()).isEqualTo("ZJJ");
    }

    @Test
    void aClerkOfTheSameWindowTakesOverWhenTheRequesterHasLeft() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        f.mz.accounts().register("clerk3", "李三", "ZWFWJ", "W01", java.util.Set.of(org.mianzheng.api.Role.WINDOW_CLERK), "admin1", "市局");
        Case c = f.caseWithConsent("ZJ001", "PF", "SRZM");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        WorkOrder s = f.mz.workOrders().request(c.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);
        f.mz.workOrders().returnOrder(s.id(), "verifier-gaj", "不属于本单位职责", "ZJJ");
        f.mz.accounts().deregister("clerk1", "admin1", "市局", "调离");
        assertThat(f.mz.workOrders().transfer(s.id(), "clerk3").toDepartment()).isEqualTo("ZJJ"); // clerk1's window, W01
        assertThat(f.mz.workOrders().cancel(o.id(), "clerk3", "申请人撤回申请").state()).isEqualTo(WorkOrderState.CANCELLED);
        assertThat(f.mz.violations()).noneMatch(v -> v.kind() == ViolationKind.WRONG_ROLE);
    }

    @Test
    void anOrderOfACommitmentItemStaysComplex() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("SC001", "ZSZM");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "ZSZM", "clerk1", Complexity.NORMAL);
        assertThat(o.complexity()).isEqualTo(Complexity.COMPLEX);
        assertThatThrownBy(() -> f.mz.workOrders().reclassify(o.id(), "clerk1", Complexity.NORMAL, "材料简单"))
                .isInstanceOfSatisfying(WorkOrderException.class, e -> assertThat(e.reason()).isEqualTo(WorkOrderException.Reason.INVALID))
                .hasMessageContaining("承诺件");
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().answerDueAt()).isEqualTo(o.answerDueAt());
        org.mianzheng.api.OnlineOutcome online = f.mz.workOrders().requestOnline(new org.mianzheng.api.OnlineRequest("WEB-9", "acct-9",
                WorkOrderFixture.ZHANG, "SC001", "ZSZM", "办理", Complexity.NORMAL));
        assertThat(online.order().complexity()).isEqualTo(Complexity.COMPLEX);
    }

    @Test
    void ruleTablesPutInForceAtRunTimeAreGivenBackAfterARestart() {
        org.mianzheng.core.MutableClock clock = new org.mianzheng.core.MutableClock(shanghai(2026, 3, 2, 10, 0));
        org.mianzheng.core.store.InMemoryWorkOrderStore orders = new org.mianzheng.core.store.InMemoryWorkOrderStore();
        f = new WorkOrderFixture(clock, orders, null, null, true, null);
        Case c = f.caseWithConsent("ZJ001", "PF");
        List<SlaRule> slower = new java.util.ArrayList<>(SlaRuleSet.defaults().rules());
        slower.set(0, new SlaRule(Origin.WINDOW, Complexity.NORMAL, Duration.ofMinutes(60), ClockKind.WORKING, Duration.ofMinutes(15), ClockKind.WORKING));
        SlaRuleSet v2 = f.mz.workOrders().configureRules(slower, "sup");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        assertThat(o.ruleVersion()).isEqualTo(2);
        assertThat(o.answerDueAt()).isEqualTo(shanghai(2026, 3, 2, 11, 0));
        f.close();

        // restarted without the table: nothing is recomputed under another table, and no version number is used twice
        f = new WorkOrderFixture(clock, orders, null, null, true, null);
        assertThatThrownBy(() -> f.mz.workOrders().reclassify(o.id(), "verifier-scjgj", Complexity.COMPLEX, "需要现场核查"))
                .isInstanceOfSatisfying(WorkOrderException.class, e -> assertThat(e.reason()).isEqualTo(WorkOrderException.Reason.INVALID))
                .hasMessageContaining("SLA rule version 2, which this engine does not know");
        assertThat(f.mz.applyCalendarUpdate(s -> s, "sup")).isEmpty();
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().answerDueAt()).isEqualTo(shanghai(2026, 3, 2, 11, 0));
        assertThat(f.mz.workOrders().configureRules(SlaRuleSet.defaults().rules(), "sup").version()).isEqualTo(3);
        f.close();


        // restarted with its tables
        f = new WorkOrderFixture(clock, orders, null, null, true, null, b -> b.slaRules(v2, SlaRuleSet.defaults()));
        WorkOrder complex = f.mz.workOrders().reclassify(o.id(), "verifier-scjgj", Complexity.COMPLEX, "需要现场核查");
        assertThat(complex.answerDueAt()).isEqualTo(o.createdAt().plus(Duration.ofHours(24)));
        assertThatThrownBy(() -> org.mianzheng.core.Mianzheng.builder().slaRules(SlaRuleSet.defaults(), v2))
                .isInstanceOf(org.mianzheng.api.InvalidValueException.class).hasMessageContaining("not below the version in force");
        f.mz.workOrders().complete(o.id(), "verifier-scjgj", PDF);
        assertThat(orders.open()).isEmpty();
        f.close();

        // restarted without the tables after the only order under version 2 closed: still no version number reused
        f = new WorkOrderFixture(clock, orders, null, null, true, null);
        assertThat(f.mz.workOrders().configureRules(SlaRuleSet.defaults().rules(), "sup").version()).as("past the closed order's 2").isEqualTo(3);
    }

    @Test
    void missingArgumentsAreTypedErrors() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        assertThatThrownBy(() -> f.mz.workOrders().requestOnline(null)).isInstanceOf(org.mianzheng.api.InvalidValueException.class)
                .hasMessageContaining("request");
        assertThatThrownBy(() -> f.mz.previewCalendarUpdate(null)).isInstanceOf(org.mianzheng.api.InvalidValueException.class)
                .hasMessageContaining("change");
        assertThatThrownBy(() -> f.mz.previewCalendarUpdate(s -> null)).isInstanceOf(org.mianzheng.api.InvalidValueException.class)
                .hasMessageContaining("the calendars the change returns");
    }

    @Test
    void requestsNeedConsentAndADirectedMaterial() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("ZJ001", "SFZ");
        assertThatThrownBy(() -> f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.OUT_OF_CONSENT_SCOPE));
        assertThatThrownBy(() -> f.mz.workOrders().request(c.bizNo(), "SFZ", "clerk1", Complexity.NORMAL))
                .isInstanceOfSatisfying(WorkOrderException.class, e -> assertThat(e.reason()).isEqualTo(WorkOrderException.Reason.NOT_DIRECTED));
    }

    @Test
    void reclassificationRecomputesFromTheOriginalStartAndIsAudited() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("ZJ001", "PF");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        assertThat(o.answerDueAt()).isEqualTo(shanghai(2026, 3, 2, 10, 30));
        f.clock.advance(Duration.ofMinutes(20));
        WorkOrder r = f.mz.workOrders().reclassify(o.id(), "verifier-scjgj", Complexity.COMPLEX, "涉及多份历史批复，核验较为复杂");
        assertThat(r.complexity()).isEqualTo(Complexity.COMPLEX);
        assertThat(r.answerDueAt()).isEqualTo(o.createdAt().plus(Duration.ofHours(24)));
        var last = f.mz.audit().read(1, 10_000, "sup", "t").stream().filter(e -> e.type() == AuditType.WORK_ORDER).reduce((a, b) -> b).orElseThrow();
        assertThat(last.detail()).containsEntry("event", "RECLASSIFIED").containsEntry("from", "NORMAL");
    }

    @Test
    void rulesAreConfigurableAndVersioned() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("ZJ001", "PF", "SRZM");
        WorkOrder before = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        List<SlaRule> rules = new java.util.ArrayList<>(SlaRuleSet.defaults().rules());
        rules.set(0, new SlaRule(Origin.WINDOW, Complexity.NORMAL, Duration.ofMinutes(60), ClockKind.WORKING, Duration.ofMinutes(15), ClockKind.WORKING));
        assertThatThrownBy(() -> f.mz.workOrders().configureRules(rules, "clerk1")).isInstanceOf(AccessDeniedException.class);
        SlaRuleSet v2 = f.mz.workOrders().configureRules(rules, "sup");
        assertThat(v2.version()).isEqualTo(2);
        WorkOrder after = f.mz.workOrders().request(c.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);
        assertThat(after.ruleVersion()).isEqualTo(2);
        assertThat(after.answerDueAt()).isEqualTo(shanghai(2026, 3, 2, 11, 0));
        assertThat(f.mz.workOrders().find(before.id()).orElseThrow().ruleVersion()).isEqualTo(1);
        assertThatThrownBy(() -> new SlaRuleSet(3, rules.subList(1, 4))).isInstanceOf(org.mianzheng.api.InvalidValueException.class);
    }

    /** @return a minimal OFD package: a ZIP whose root holds OFD.xml */
    static byte[] ofd() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            z.putNextEntry(new java.util.zip.ZipEntry("OFD.xml"));
            z.write("<ofd:OFD/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
