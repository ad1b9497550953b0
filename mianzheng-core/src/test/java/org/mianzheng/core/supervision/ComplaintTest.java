package org.mianzheng.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.Complaint;
import org.mianzheng.api.ComplaintCategory;
import org.mianzheng.api.ComplaintChannel;
import org.mianzheng.api.ComplaintRequest;
import org.mianzheng.api.ComplaintState;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.SupervisionException;
import org.mianzheng.api.SupervisionException.Reason;
import org.mianzheng.core.store.InMemoryComplaintStore;

class ComplaintTest {
    final SupervisionFixture f = new SupervisionFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private List<AuditEvent> complaintEvents() {
        return f.mz.audit().read(1, 10_000, "sup", "test").stream().filter(e -> e.type() == AuditType.COMPLAINT).toList();
    }

    @Test
    void aHotlineComplaintIsRecordedLinkedAssignedAndResolved() {
        Complaint c = f.mz.complaints().record(new ComplaintRequest(ComplaintChannel.HOTLINE_12345, ComplaintCategory.ORIGINALS_DEMANDED,
                "T12345-0001", null, null, "市民反映办理食品经营许可时窗口仍要求提供营业执照原件", SupervisionFixture.ZHANG.id(), "sup"));
        assertThat(c.state()).isEqualTo(ComplaintState.RECEIVED);
        assertThat(c.bizNo()).isNull();
        assertThat(c.departmentCode()).isNull();
        assertThat(c.toString()).doesNotContain("11010519491231002X").doesNotContain("营业执照原件");

        f.clock.advance(Duration.ofMinutes(5));
        Case k = f.open("C-1", "SC001", SupervisionFixture.ZHANG, "clerk1", "W01");
        Complaint linked = f.mz.complaints().linkCase(c.id(), k.bizNo(), "clerk2");
        assertThat(linked.bizNo()).isEqualTo("C-1");
        assertThat(linked.departmentCode()).isEqualTo("SCJGJ");   // the case's item's department
        assertThat(linked.version()).isEqualTo(2);

        Complaint assigned = f.mz.complaints().assign(c.id(), "SCJGJ", "sup");
        assertThat(assigned.state()).isEqualTo(ComplaintState.ASSIGNED);
        assertThat(assigned.assignedBy()).isEqualTo("sup");

        f.clock.advance(Duration.ofHours(2));
        Complaint resolved = f.mz.complaints().resolve(c.id(), "verifier-scjgj", true, "经核实情况属实，已责成窗口改正并向市民致歉");
        assertThat(resolved.resolved()).isTrue();
        assertThat(resolved.substantiated()).isTrue();
        assertThat(resolved.resolvedBy()).isEqualTo("verifier-scjgj");
        assertThat(f.mz.complaints().find(c.id())).contains(resolved);
        assertThat(f.mz.complaints().receivedBetween(c.receivedAt(), c.receivedAt().plusSeconds(1))).containsExactly(resolved);

        List<AuditEvent> events = complaintEvents();
        assertThat(events).extracting(e -> e.detail().get("event")).containsExactly("RECEIVED", "LINKED", "ASSIGNED", "RESOLVED");
        assertThat(events).extracting(AuditEvent::actor).containsExactly("sup", "clerk2", "sup", "verifier-scjgj");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo(f.mz.auditSubject(SupervisionFixture.ZHANG.id()));
            assertThat(e.detail().toString()).doesNotContain("11010519491231002X").doesNotContain("营业执照原件").doesNotContain("致歉");
        });
        assertThat(events.get(0).detail()).containsEntry("channel", "HOTLINE_12345").containsEntry("externalRef", "T12345-0001")
                .containsKey("summarySha256");
        assertThat(events.get(3).detail()).containsEntry("substantiated", "true").containsKey("resolutionSha256");
        assertThat(events.get(1).bizNo()).isEqualTo("C-1");
    }

    @Test
    void aWindowComplaintAboutACaseTakesItsDepartment() {
        Case k = f.open("Z-1", "ZJ001", SupervisionFixture.LI, "clerk1", "W01");
        Complaint c = f.mz.complaints().record(new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.SERVICE_REFUSED, null, k.bizNo(),
                null, "窗口称无法调取身份证", null, "clerk2"));
        assertThat(c.departmentCode()).isEqualTo("ZJJ");
        assertThat(complaintEvents().get(0).subject()).isNull();
    }

    @Test
    void transitionsAreChecked() {
        Complaint c = f.mz.complaints().record(new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.DELAY, null, null, "GAJ",
                "证明开具超时", null, "clerk1"));
        assertThatThrownBy(() -> f.mz.complaints().resolve(c.id(), "sup", false, "x"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_TRANSITION));
        f.mz.complaints().assign(c.id(), "GAJ", "sup");
        // an account of another department may not resolve it; the refusal is recorded
        assertThatThrownBy(() -> f.mz.complaints().resolve(c.id(), "verifier-zjj", false, "x")).isInstanceOf(AccessDeniedException.class);
        assertThat(f.mz.violations()).hasSize(1);
        Complaint done = f.mz.complaints().resolve(c.id(), "verifier-gaj", false, "经核实，已在时限内开具，不属实");
        assertThat(done.substantiated()).isFalse();
        assertThatThrownBy(() -> f.mz.complaints().assign(c.id(), "ZJJ", "sup"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_TRANSITION));
        assertThatThrownBy(() -> f.mz.complaints().linkCase(c.id(), "Z-1", "sup"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_TRANSITION));
        assertThatThrownBy(() -> f.mz.complaints().resolve(c.id(), "verifier-gaj", true, "again"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_TRANSITION));
        assertThatThrownBy(() -> f.mz.complaints().find("nope").orElseThrow()).isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> f.mz.complaints().assign("nope", "GAJ", "sup"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_COMPLAINT));
    }

    @Test
    void recordingIsForClerksAndSupervisorsOnlyAndReferencesMustExist() {
        assertThatThrownBy(() -> f.mz.complaints().record(new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.OTHER, null, null, null,
                "建议", null, "verifier-gaj"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.mz.complaints().record(new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.OTHER, null, "NO-CASE",
                null, "建议", null, "clerk1"))).isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason())
                .isEqualTo(Reason.UNKNOWN_REFERENCE));
        assertThatThrownBy(() -> f.mz.complaints().record(new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.OTHER, null, null,
                "NODEPT", "建议", null, "clerk1"))).isInstanceOf(SupervisionException.class);
        assertThatThrownBy(() -> new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.OTHER, null, null, null, "x".repeat(2_001), null,
                "clerk1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.OTHER, null, null, null, "a\u0000b", null,
                "clerk1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> f.mz.complaints().assign("x", "GAJ", "clerk1")).isInstanceOf(SupervisionException.class);
        assertThat(complaintEvents()).isEmpty();
    }

    @Test
    void theInMemoryStoreIsOptimistic() {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        Complaint c = new Complaint("c1", 1, ComplaintChannel.WINDOW, ComplaintCategory.OTHER, null, null, null, "s", null, ComplaintState.RECEIVED,
                java.time.Instant.EPOCH, "clerk1", null, null, null, null, null, null, null);
        assertThat(store.insert(c)).isTrue();
        assertThat(store.insert(c)).isFalse();
        Complaint v2 = new Complaint("c1", 2, ComplaintChannel.WINDOW, ComplaintCategory.OTHER, null, null, null, "s", null,
                ComplaintState.ASSIGNED, java.time.Instant.EPOCH, "clerk1", "GAJ", java.time.Instant.EPOCH, "sup", null, null, null, null);
        assertThat(store.update(v2)).isTrue();
        assertThat(store.update(v2)).isFalse();
        assertThatThrownBy(() -> new Complaint("c1", 2, ComplaintChannel.WINDOW, ComplaintCategory.OTHER, null, null, null, "s", null,
                ComplaintState.RESOLVED, java.time.Instant.EPOCH, "clerk1", "GAJ", java.time.Instant.EPOCH, "sup", null, null, null, null))
                .isInstanceOf(InvalidValueException.class);
    }
}
