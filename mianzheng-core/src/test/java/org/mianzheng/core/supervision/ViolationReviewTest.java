package org.mianzheng.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.LiabilityExemptionGround;
import org.mianzheng.api.ReviewDecision;
import org.mianzheng.api.Role;
import org.mianzheng.api.SupervisionException;
import org.mianzheng.api.Violation;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.ViolationReview;

class ViolationReviewTest {
    final SupervisionFixture f = new SupervisionFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private List<AuditEvent> events(AuditType type) {
        return f.mz.audit().read(1, 10_000, "sup", "test").stream().filter(e -> e.type() == type).toList();
    }

    @Test
    void originalsDemandedForAnExemptMaterialIsFlaggedAndEntersTheQueue() {
        Case c = f.open("C-1", "SC001", SupervisionFixture.ZHANG, "clerk1", "W01");
        Violation v = f.mz.supervision().reportOriginalsDemanded(c.bizNo(), "YYZZ", "clerk1", "sup", "complaint-77");
        assertThat(v.kind()).isEqualTo(ViolationKind.ORIGINALS_DEMANDED);
        assertThat(v.operatorId()).isEqualTo("clerk1");
        assertThat(v.refused()).isFalse();
        assertThat(v.detail()).containsEntry("material", "YYZZ").containsEntry("decision", "EXEMPT").containsEntry("reportedBy", "sup")
                .containsEntry("voluntarySubmissionRecorded", "false");
        assertThat(f.mz.supervision().reviewQueue("sup")).extracting(Violation::id).containsExactly(v.id());
        AuditEvent flagged = events(AuditType.VIOLATION).get(0);
        assertThat(flagged.detail()).containsEntry("kind", "ORIGINALS_DEMANDED").containsEntry("article", "Art. 11(5)");

        // the applicant handed it in on their own: still recorded, with the fact, for the reviewer
        f.mz.cases().recordVoluntarySubmission(c.bizNo(), "SFZ", "clerk1", "主动提交");
        assertThat(f.mz.supervision().reportOriginalsDemanded(c.bizNo(), "SFZ", "clerk1", "sup", "register-12").detail())
                .containsEntry("voluntarySubmissionRecorded", "true");
        // directed materials are exempt for the applicant too
        assertThat(f.mz.supervision().reportOriginalsDemanded(c.bizNo(), "ZSZM", "clerk1", "sup", "register-13").detail())
                .containsEntry("decision", "DIRECTED");
    }

    @Test
    void demandingAMaterialThePlanMakesTheApplicantSubmitIsNoViolation() {
        Case c = f.open("C-1", "SC001", SupervisionFixture.ZHANG, "clerk1", "W01");
        assertThatThrownBy(() -> f.mz.supervision().reportOriginalsDemanded(c.bizNo(), "AQ", "clerk1", "sup", "x1"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason()).isEqualTo(SupervisionException.Reason.NOT_EXEMPT))
                .hasMessageContaining("PRODUCTION_SAFETY");
        assertThatThrownBy(() -> f.mz.supervision().reportOriginalsDemanded(c.bizNo(), "NOPE", "clerk1", "sup", "x1"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason())
                        .isEqualTo(SupervisionException.Reason.UNKNOWN_REFERENCE));
        assertThatThrownBy(() -> f.mz.supervision().reportOriginalsDemanded(c.bizNo(), "YYZZ", "nobody", "sup", "x1"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason())
                        .isEqualTo(SupervisionException.Reason.UNKNOWN_REFERENCE));
        assertThat(f.mz.violations()).isEmpty();
    }

    @Test
    void materialWithoutLegalBasisIsCheckedAgainstTheItem() {
        Case c = f.open("C-1", "SC001", SupervisionFixture.ZHANG, "clerk1", "W01");
        assertThatThrownBy(() -> f.mz.supervision().reportMaterialWithoutLegalBasis(c.bizNo(), " 营业执照 ", "clerk1", "sup", "x1"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason()).isEqualTo(SupervisionException.Reason.HAS_LEGAL_BASIS))
                .hasMessageContaining("《市场主体登记管理条例》");
        assertThatThrownBy(() -> f.mz.supervision().reportMaterialWithoutLegalBasis(c.bizNo(), "ｙｙｚｚ", "clerk1", "sup", "x1"))
                .isInstanceOf(SupervisionException.class);
        Violation v = f.mz.supervision().reportMaterialWithoutLegalBasis(c.bizNo(), "户口本复印件", "clerk1", "sup", "x2");
        assertThat(v.kind()).isEqualTo(ViolationKind.MATERIAL_WITHOUT_LEGAL_BASIS);
        assertThat(v.detail()).containsEntry("demandedMaterial", "户口本复印件").containsEntry("item", "SC001");
    }

    @Test
    void aSupervisorConfirmsOrDismissesOnAnArticle12GroundAndEachDecisionIsAudited() {
        Case c = f.open("C-1", "SC001", SupervisionFixture.ZHANG, "clerk1", "W01");
        Violation v1 = f.mz.supervision().reportOriginalsDemanded(c.bizNo(), "YYZZ", "clerk1", "sup", "e1");
        Violation v2 = f.mz.supervision().reportMaterialWithoutLegalBasis(c.bizNo(), "户口本", "clerk2", "sup", "e2");

        ViolationReview confirmed = f.mz.supervision().confirm(v1.id(), "sup", "索要营业执照复印件属实");
        assertThat(confirmed.decision()).isEqualTo(ReviewDecision.CONFIRMED);
        assertThat(confirmed.ground()).isNull();
        ViolationReview dismissed = f.mz.supervision().dismiss(v2.id(), "sup", LiabilityExemptionGround.INNOVATION_ERROR_REMEDIED,
                "试点新流程导致，已及时纠正");
        assertThat(dismissed.ground().article()).isEqualTo("Art. 12(3)");
        assertThat(f.mz.supervision().findReview(v2.id())).contains(dismissed);
        assertThat(f.mz.supervision().reviewQueue("sup")).isEmpty();

        List<AuditEvent> reviews = events(AuditType.VIOLATION_REVIEWED);
        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(0).actor()).isEqualTo("sup");
        assertThat(reviews.get(0).bizNo()).isEqualTo(c.bizNo());
        assertThat(reviews.get(0).detail()).containsEntry("violation", v1.id()).containsEntry("decision", "CONFIRMED")
                .containsEntry("operator", "clerk1").doesNotContainKey("ground").containsKey("noteSha256");
        assertThat(reviews.get(1).detail()).containsEntry("decision", "DISMISSED").containsEntry("ground", "INNOVATION_ERROR_REMEDIED")
                .containsEntry("groundArticle", "Art. 12(3)");
        assertThat(reviews.get(1).detail().values()).doesNotContain("试点新流程导致，已及时纠正");

        assertThatThrownBy(() -> f.mz.supervision().dismiss(v1.id(), "sup", LiabilityExemptionGround.LAWFUL_DECISION, "again"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason()).isEqualTo(SupervisionException.Reason.ALREADY_REVIEWED));
        assertThat(events(AuditType.VIOLATION_REVIEWED)).hasSize(2);
    }

    @Test
    void nonSupervisorsAreRefusedAndTheRefusalIsItselfRecorded() {
        Case c = f.open("C-1", "SC001", SupervisionFixture.ZHANG, "clerk1", "W01");
        Violation v = f.mz.supervision().reportOriginalsDemanded(c.bizNo(), "YYZZ", "clerk1", "sup", "e1");
        assertThatThrownBy(() -> f.mz.supervision().confirm(v.id(), "clerk2", "looks bad"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.WRONG_ROLE));
        assertThatThrownBy(() -> f.mz.supervision().dismiss(v.id(), "verifier-zjj", LiabilityExemptionGround.REFORM_DIRECTION, "fine"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.mz.supervision().reviewQueue("clerk1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.mz.supervision().reportOriginalsDemanded(c.bizNo(), "YYZZ", "clerk2", "clerk1", "e2"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.mz.supervision().findReview(v.id())).isEmpty();
        assertThat(events(AuditType.VIOLATION_REVIEWED)).isEmpty();
        assertThat(events(AuditType.REFUSAL)).hasSize(4).allSatisfy(e -> assertThat(e.detail()).containsEntry("kind", "WRONG_ROLE"));
        // a deregistered supervisor is refused too
        f.mz.accounts().register("sup2", "钱督查", "ZWFWJ", null, Set.of(Role.SUPERVISOR), "admin1", "市行政审批和政务服务局");
        f.mz.accounts().deregister("sup2", "admin1", "市行政审批和政务服务局", "调岗");
        assertThatThrownBy(() -> f.mz.supervision().confirm(v.id(), "sup2", "x"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.DEREGISTERED_ACCOUNT));
    }

    @Test
    void misuseGuardFlagsEnterTheQueueButNobodyReviewsTheirOwn() {
        Case c = f.open("C-1", "SC001", SupervisionFixture.ZHANG, "clerk1", "W01", "YYZZ");
        // a supervisor trying to retrieve is refused (WRONG_ROLE) and recorded against the supervisor
        assertThatThrownBy(() -> f.retrieve(c, "YYZZ", "sup")).hasCauseInstanceOf(AccessDeniedException.class);
        Violation own = f.mz.supervision().reviewQueue("sup").get(0);
        assertThat(own.operatorId()).isEqualTo("sup");
        assertThat(own.refused()).isTrue();
        assertThatThrownBy(() -> f.mz.supervision().confirm(own.id(), "sup", "x"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason()).isEqualTo(SupervisionException.Reason.OWN_VIOLATION));
        f.mz.accounts().register("sup2", "钱督查", "ZWFWJ", null, Set.of(Role.SUPERVISOR), "admin1", "市行政审批和政务服务局");
        assertThat(f.mz.supervision().dismiss(own.id(), "sup2", LiabilityExemptionGround.OTHER_LAWFUL_GROUND, "误操作，未调取数据").reviewer())
                .isEqualTo("sup2");
        assertThatThrownBy(() -> f.mz.supervision().confirm("no-such-violation", "sup", "x"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason()).isEqualTo(SupervisionException.Reason.UNKNOWN_VIOLATION));
    }

    @Test
    void aDismissalNeedsAGroundAndAReviewANote() {
        assertThatThrownBy(() -> new ViolationReview("v1", ViolationKind.NO_CONSENT, "clerk1", ReviewDecision.DISMISSED, null, "n", "sup",
                java.time.Instant.EPOCH)).isInstanceOf(InvalidValueException.class).hasMessageContaining("Art. 12");
        assertThatThrownBy(() -> new ViolationReview("v1", ViolationKind.NO_CONSENT, "clerk1", ReviewDecision.CONFIRMED,
                LiabilityExemptionGround.REFORM_DIRECTION, "n", "sup", java.time.Instant.EPOCH)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> f.mz.supervision().dismiss("v1", "sup", null, "n")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> f.mz.supervision().confirm("v1", "sup", " ")).isInstanceOf(InvalidValueException.class);
        assertThat(LiabilityExemptionGround.values()).hasSize(5).extracting(LiabilityExemptionGround::article)
                .containsExactly("Art. 12(1)", "Art. 12(2)", "Art. 12(3)", "Art. 12(4)", "Art. 12(5)");
    }
}
