package org.mianzheng.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.Complaint;
import org.mianzheng.api.ComplaintCategory;
import org.mianzheng.api.ComplaintChannel;
import org.mianzheng.api.ComplaintRequest;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.DirectedFigures;
import org.mianzheng.api.SupervisionException;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.UsageFigures;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.WorkOrderException;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.api.spi.ComplaintStore;
import org.mianzheng.api.spi.WorkOrderStore;
import org.mianzheng.core.store.InMemoryComplaintStore;
import org.mianzheng.core.store.InMemoryWorkOrderStore;

/**
 * An act is recorded before it is stored (fail closed). When the store then refuses it because another writer changed
 * the record first, a {@code NOT_SAVED} event takes it back, and the usage report does not count it. The other writer is
 * played by a store that answers one read with an older version, as a second node that read the record earlier would.
 */
class LostUpdateTest {
    final Rigged orders = new Rigged(new InMemoryWorkOrderStore());
    final Rigged complaintStore = new Rigged(new InMemoryComplaintStore());
    final SupervisionFixture f = new SupervisionFixture(b -> b.workOrderStore(orders.as(WorkOrderStore.class))
            .complaintStore(complaintStore.as(ComplaintStore.class)));

    @AfterEach
    void close() {
        f.close();
    }

    /** Delegates every call; one {@code find} can be answered with an older version, one {@code insert} refused. */
    static final class Rigged implements InvocationHandler {
        final Object delegate;
        Object staleNext;
        boolean refuseNextInsert;
        /** Another writer's act, run inside the next {@code update} before it reaches the store. */
        Runnable beforeNextUpdate;
        /** Thrown by the next {@code update} instead of writing. */
        RuntimeException failNextUpdate;
        /** Thrown by the next {@code update} after it has written (a failure after the commit). */
        RuntimeException failNextUpdateAfterWriting;
        /** Thrown by every {@code find} while set. */
        RuntimeException failFinds;
        /** Becomes {@link #failFinds} when the next update fails (the store goes down with it). */
        RuntimeException thenFailFinds;
        /** Thrown by the next {@code insert} instead of writing. */
        RuntimeException failNextInsert;
        /** Thrown by the next {@code sent} (the outbox read). */
        RuntimeException failNextSent;

        Rigged(Object delegate) {
            this.delegate = delegate;
        }

        <T> T as(Class<T> type) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, this));
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getName().equals("find") && failFinds != null) {
                throw failFinds;
            }
            if (m.getName().equals("update") && failNextUpdate != null) {
                RuntimeException e = failNextUpdate;
                failNextUpdate = null;
                failFinds = thenFailFinds;
                throw e;
            }
            if (m.getName().equals("update") && failNextUpdateAfterWriting != null) {
                RuntimeException e = failNextUpdateAfterWriting;
                failNextUpdateAfterWriting = null;
                m.invoke(delegate, args);
                throw e;
            }
            if (m.getName().equals("sent") && failNextSent != null) {
                RuntimeException e = failNextSent;
                failNextSent = null;
                throw e;
            }
            if (m.getName().equals("insert") && failNextInsert != null) {
                RuntimeException e = failNextInsert;
                failNextInsert = null;
                throw e;
            }
            if (m.getName().equals("find") && staleNext != null) {
                Object stale = staleNext;
                staleNext = null;
                return Optional.of(stale);
            }
            if (m.getName().equals("update") && beforeNextUpdate != null) {
                Runnable other = beforeNextUpdate;
                beforeNextUpdate = null;
                other.run();
            }
            if (m.getName().equals("insert") && m.getReturnType() == boolean.class && refuseNextInsert) {
                refuseNextInsert = false;
                return false;
            }
            try {
                return m.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private List<AuditEvent> events(AuditType type) {
        List<AuditEvent> all = f.mz.audit().read(1, 10_000, "sup", "test");
        return all.stream().filter(e -> e.type() == type).toList();
    }

    private UsageFigures report() {
        return f.mz.supervision().report(SupervisionFixture.MARCH_2, null, "sup").totals();
    }

    @Test
    void aCompletionLostToACancellationIsTakenBackAndNotCounted() {
        Case k = f.open("L-1", "ZJ001", SupervisionFixture.ZHANG, "clerk1", "W01", "PF");
        WorkOrder o = f.mz.workOrders().request(k.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        f.set(10, 5);
        f.mz.workOrders().cancel(o.id(), "clerk1", "申请人撤回申请");
        f.set(10, 6);
        orders.staleNext = o; // the verifier's node read the order before the cancellation
        assertThatThrownBy(() -> f.mz.workOrders().complete(o.id(), "verifier-scjgj", SupervisionFixture.PDF))
                .isInstanceOfSatisfying(WorkOrderException.class, e -> assertThat(e.reason()).isEqualTo(WorkOrderException.Reason.CONCURRENT_UPDATE));
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().state()).isEqualTo(WorkOrderState.CANCELLED);

        List<AuditEvent> events = events(AuditType.WORK_ORDER);
        assertThat(events).extracting(e -> e.detail().get("event")).containsExactly("CREATED", "CANCELLED", "COMPLETED", "NOT_SAVED");
        AuditEvent attempted = events.get(2);
        AuditEvent notSaved = events.get(3);
        assertThat(notSaved.detail()).containsEntry("order", o.id()).containsEntry("attempted", "COMPLETED")
                .containsEntry("attemptedSequence", Long.toString(attempted.sequence()));
        assertThat(notSaved.actor()).isEqualTo("verifier-scjgj");
        assertThat(notSaved.bizNo()).isEqualTo("L-1");
        assertThat(notSaved.subject()).isEqualTo(attempted.subject());

        // the completion was logged after the cancellation: counted as it stands, the order would be completed
        DirectedFigures d = report().directed();
        assertThat(d.created()).isEqualTo(1);
        assertThat(d.cancelled()).isEqualTo(1);
        assertThat(d.completed()).isZero();
        assertThat(d.pending()).isEqualTo(0);
        assertThat(d.responseP50()).isNull();
    }

    @Test
    void onlyTheActTakenBackIsUndoneWhenAnotherCameBetween() {
        Case k = f.open("L-4", "ZJ001", SupervisionFixture.ZHANG, "clerk1", "W01", "PF");
        WorkOrder o = f.mz.workOrders().request(k.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        f.set(10, 2);
        // the verifier accepts while the clerk's re-classification is on its way to the store
        orders.beforeNextUpdate = () -> f.mz.workOrders().accept(o.id(), "verifier-scjgj");
        assertThatThrownBy(() -> f.mz.workOrders().reclassify(o.id(), "clerk1", Complexity.COMPLEX, "需要现场核查"))
                .isInstanceOfSatisfying(WorkOrderException.class, e -> assertThat(e.reason()).isEqualTo(WorkOrderException.Reason.CONCURRENT_UPDATE));
        WorkOrder stored = f.mz.workOrders().find(o.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(WorkOrderState.ACCEPTED);
        assertThat(stored.answerDueAt()).isEqualTo(o.answerDueAt());

        List<AuditEvent> events = events(AuditType.WORK_ORDER);
        assertThat(events).extracting(e -> e.detail().get("event")).containsExactly("CREATED", "RECLASSIFIED", "ACCEPTED", "NOT_SAVED");
        assertThat(events.get(3).detail()).containsEntry("attempted", "RECLASSIFIED")
                .containsEntry("attemptedSequence", Long.toString(events.get(1).sequence()));
        assertThat(java.time.Instant.parse(events.get(1).detail().get("answerDueAt"))).isAfter(SupervisionFixture.MARCH_2.to());

        // counted as it stands, the order would be due the next day and pending at the period's end; taken back, it
        // keeps its first deadline of this morning and is overdue (the accept in between stays)
        DirectedFigures d = report().directed();
        assertThat(d.created()).isEqualTo(1);
        assertThat(d.pending()).isZero();
        assertThat(d.breaches()).containsEntry(org.mianzheng.api.BreachReason.OVERDUE_OPEN, 1L);
    }

    @Test
    void aChangeTheStoreFailsToWriteIsTakenBackAndTheFailureThrown() {
        Case k = f.open("L-6", "ZJ001", SupervisionFixture.ZHANG, "clerk1", "W01", "PF");
        WorkOrder o = f.mz.workOrders().request(k.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        f.set(10, 5);
        orders.failNextUpdate = new StoreException("connection reset");
        assertThatThrownBy(() -> f.mz.workOrders().complete(o.id(), "verifier-scjgj", SupervisionFixture.PDF))
                .isInstanceOf(StoreException.class).hasMessageContaining("connection reset");
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().state()).isEqualTo(WorkOrderState.SUBMITTED);
        List<AuditEvent> events = events(AuditType.WORK_ORDER);
        assertThat(events).extracting(e -> e.detail().get("event")).containsExactly("CREATED", "COMPLETED", "NOT_SAVED");
        assertThat(events.get(2).detail()).containsEntry("order", o.id()).containsEntry("attempted", "COMPLETED")
                .containsEntry("attemptedSequence", Long.toString(events.get(1).sequence()));
        assertThat(report().directed().completed()).isZero();

        complaintStore.failNextUpdate = new StoreException("connection reset");
        Complaint c = f.mz.complaints().record(new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.DELAY, null, k.bizNo(), null,
                "办理进度迟缓", null, "clerk1"));
        assertThatThrownBy(() -> f.mz.complaints().assign(c.id(), "SCJGJ", "sup")).isInstanceOf(StoreException.class);
        assertThat(events(AuditType.COMPLAINT)).extracting(e -> e.detail().get("event")).containsExactly("RECEIVED", "ASSIGNED", "NOT_SAVED");
        assertThat(f.mz.complaints().find(c.id()).orElseThrow().assignedTo()).isNull();
    }

    @Test
    void aChangeTheStoreWroteBeforeFailingIsDone() {
        Case k = f.open("L-7", "ZJ001", SupervisionFixture.ZHANG, "clerk1", "W01", "PF");
        WorkOrder o = f.mz.workOrders().request(k.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        f.set(10, 5);
        orders.failNextUpdateAfterWriting = new StoreException("commit acknowledgement lost");
        WorkOrder done = f.mz.workOrders().complete(o.id(), "verifier-scjgj", SupervisionFixture.PDF);
        assertThat(done.state()).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow()).isEqualTo(done);
        assertThat(events(AuditType.WORK_ORDER)).extracting(e -> e.detail().get("event")).containsExactly("CREATED", "COMPLETED");
        assertThat(report().directed().completed()).isEqualTo(1);
    }

    @Test
    void whenTheStoreCannotBeReadAfterAFailedWriteTheActStaysRecorded() {
        Case k = f.open("L-8", "ZJ001", SupervisionFixture.ZHANG, "clerk1", "W01", "PF");
        WorkOrder o = f.mz.workOrders().request(k.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        orders.failNextUpdate = new StoreException("connection reset");
        orders.thenFailFinds = new StoreException("database down");
        assertThatThrownBy(() -> f.mz.workOrders().cancel(o.id(), "clerk1", "申请人撤回申请")).isInstanceOf(StoreException.class)
                .hasMessageContaining("connection reset");
        orders.failFinds = null;
        // whether the store holds it cannot be told: no take-back, so the log keeps the act (as docs/supervision.md says)
        assertThat(events(AuditType.WORK_ORDER)).extracting(e -> e.detail().get("event")).containsExactly("CREATED", "CANCELLED");
    }

    @Test
    void aTransferWhoseNewOrderCannotBeStoredIsTakenBackAndCanBeDoneAgain() {
        Case k = f.open("L-9", "ZJ001", SupervisionFixture.ZHANG, "clerk1", "W01", "SRZM");
        WorkOrder o = f.mz.workOrders().request(k.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);
        f.set(10, 5);
        f.mz.workOrders().returnOrder(o.id(), "verifier-gaj", "收入证明不属于本单位职责", "ZJJ");
        orders.failNextInsert = new StoreException("connection reset");
        assertThatThrownBy(() -> f.mz.workOrders().transfer(o.id(), "clerk1")).isInstanceOf(StoreException.class);
        String linkedId = f.mz.workOrders().find(o.id()).orElseThrow().transferredTo();
        assertThat(linkedId).isNotNull();
        assertThat(f.mz.workOrders().find(linkedId)).isEmpty();
        List<AuditEvent> events = events(AuditType.WORK_ORDER);
        assertThat(events).extracting(e -> e.detail().get("event")).containsExactly("CREATED", "RETURNED", "TRANSFERRED", "CREATED", "NOT_SAVED");
        assertThat(events.get(4).detail()).containsEntry("order", linkedId).containsEntry("attempted", "CREATED");

        f.set(10, 6);
        WorkOrder linked = f.mz.workOrders().transfer(o.id(), "clerk1"); // done again: the linked order is opened under the linked id
        assertThat(linked.id()).isEqualTo(linkedId);
        assertThat(linked.toDepartment()).isEqualTo("ZJJ");
        assertThat(f.mz.workOrders().chain(o.id())).extracting(WorkOrder::id).containsExactly(o.id(), linkedId);
        assertThatThrownBy(() -> f.mz.workOrders().transfer(o.id(), "clerk1"))
                .isInstanceOfSatisfying(WorkOrderException.class, e -> assertThat(e.reason()).isEqualTo(WorkOrderException.Reason.ILLEGAL_TRANSITION));
        DirectedFigures d = report().directed();
        assertThat(d.created()).isEqualTo(2);
        assertThat(d.transferred()).isEqualTo(1);
    }

    @Test
    void aComplaintTheStoreFailsToInsertIsTakenBack() {
        complaintStore.failNextInsert = new StoreException("connection reset");
        assertThatThrownBy(() -> f.mz.complaints().record(new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.OTHER, null, null, null,
                "窗口态度", null, "clerk1"))).isInstanceOf(StoreException.class);
        assertThat(events(AuditType.COMPLAINT)).extracting(e -> e.detail().get("event")).containsExactly("RECEIVED", "NOT_SAVED");
        assertThat(report().complaints().received()).isZero();
    }

    @Test
    void aStoreReadThatFailsBeforeAChangeLeavesNothingRecorded() {
        Case k = f.open("L-10", "ZJ001", SupervisionFixture.ZHANG, "clerk1", "W01", "PF");
        WorkOrder o = f.mz.workOrders().request(k.bizNo(), "PF", "clerk1", Complexity.COMPLEX);
        f.set(10, 20);
        f.mz.workOrders().runDueActions();
        orders.failNextSent = new StoreException("connection reset"); // read while the moved deadline's schedule is made
        assertThatThrownBy(() -> f.mz.workOrders().reclassify(o.id(), "clerk1", Complexity.NORMAL, "材料齐全")).isInstanceOf(StoreException.class);
        assertThat(events(AuditType.WORK_ORDER)).extracting(e -> e.detail().get("event")).containsExactly("CREATED");
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().complexity()).isEqualTo(Complexity.COMPLEX);
    }

    @Test
    void whenTheTakeBackCannotBeRecordedTheConflictIsStillReported() {
        Rigged myOrders = new Rigged(new InMemoryWorkOrderStore());
        org.mianzheng.core.testing.WrappingAuditStore refusingTakeBacks = new org.mianzheng.core.testing.WrappingAuditStore() {
            @Override
            public void append(List<AuditEvent> events) {
                if (events.stream().anyMatch(e -> "NOT_SAVED".equals(e.detail().get("event")))) {
                    throw new org.mianzheng.api.StoreException("disk full");
                }
                super.append(events);
            }
        };
        try (SupervisionFixture g = new SupervisionFixture(b -> b.workOrderStore(myOrders.as(WorkOrderStore.class)).auditStore(refusingTakeBacks))) {
            Case k = g.open("L-5", "ZJ001", SupervisionFixture.ZHANG, "clerk1", "W01", "PF");
            WorkOrder o = g.mz.workOrders().request(k.bizNo(), "PF", "clerk1", Complexity.NORMAL);
            g.mz.workOrders().cancel(o.id(), "clerk1", "申请人撤回申请");
            myOrders.staleNext = o;
            assertThatThrownBy(() -> g.mz.workOrders().complete(o.id(), "verifier-scjgj", SupervisionFixture.PDF))
                    .isInstanceOfSatisfying(WorkOrderException.class, e -> {
                        assertThat(e.reason()).isEqualTo(WorkOrderException.Reason.CONCURRENT_UPDATE);
                        assertThat(e.getSuppressed()).singleElement().satisfies(x -> assertThat(x).hasMessageContaining("disk full"));
                    });
            assertThat(refusingTakeBacks.inner.read(1, 10_000)).extracting(e -> e.detail().get("event")).contains("COMPLETED")
                    .doesNotContain("NOT_SAVED");
        }
    }

    @Test
    void aSecondTransferOfAReturnedOrderIsTakenBackAndOpensNothing() {
        Case k = f.open("L-2", "ZJ001", SupervisionFixture.ZHANG, "clerk1", "W01", "SRZM");
        WorkOrder o = f.mz.workOrders().request(k.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);
        f.set(10, 5);
        WorkOrder returned = f.mz.workOrders().returnOrder(o.id(), "verifier-gaj", "收入证明不属于本单位职责", "ZJJ");
        WorkOrder linked = f.mz.workOrders().transfer(o.id(), "clerk1");
        orders.staleNext = returned; // the clerk's second node (another browser tab) still sees it untransferred
        assertThatThrownBy(() -> f.mz.workOrders().transfer(o.id(), "clerk1"))
                .isInstanceOfSatisfying(WorkOrderException.class, e -> assertThat(e.reason()).isEqualTo(WorkOrderException.Reason.CONCURRENT_UPDATE));
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().transferredTo()).isEqualTo(linked.id());

        List<AuditEvent> events = events(AuditType.WORK_ORDER);
        assertThat(events).extracting(e -> e.detail().get("event"))
                .containsExactly("CREATED", "RETURNED", "TRANSFERRED", "CREATED", "TRANSFERRED", "NOT_SAVED");
        assertThat(events.get(5).detail()).containsEntry("order", o.id()).containsEntry("attempted", "TRANSFERRED")
                .containsEntry("attemptedSequence", Long.toString(events.get(4).sequence()));
        assertThat(events.get(5).actor()).isEqualTo("clerk1");
        DirectedFigures d = report().directed();
        assertThat(d.created()).isEqualTo(2);
        assertThat(d.returned()).isEqualTo(1);
        assertThat(d.transferred()).isEqualTo(1);
    }

    @Test
    void aResolutionLostToALinkIsTakenBackAndTheComplaintStaysOpen() {
        Complaint c = f.mz.complaints().record(new ComplaintRequest(ComplaintChannel.HOTLINE_12345, ComplaintCategory.DELAY, "T-1", null, null,
                "办理进度迟缓", SupervisionFixture.ZHANG.id(), "sup"));
        Complaint assigned = f.mz.complaints().assign(c.id(), "SCJGJ", "sup");
        Case k = f.open("L-3", "SC001", SupervisionFixture.ZHANG, "clerk1", "W01");
        f.mz.complaints().linkCase(c.id(), k.bizNo(), "clerk1");
        complaintStore.staleNext = assigned; // the department's node read it before the link
        assertThatThrownBy(() -> f.mz.complaints().resolve(c.id(), "verifier-scjgj", false, "经核实已按时办结"))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason()).isEqualTo(SupervisionException.Reason.CONCURRENT_UPDATE));

        List<AuditEvent> events = events(AuditType.COMPLAINT);
        assertThat(events).extracting(e -> e.detail().get("event")).containsExactly("RECEIVED", "ASSIGNED", "LINKED", "RESOLVED", "NOT_SAVED");
        assertThat(events.get(4).detail()).containsEntry("complaint", c.id()).containsEntry("attempted", "RESOLVED")
                .containsEntry("attemptedSequence", Long.toString(events.get(3).sequence()));
        UsageFigures t = report();
        assertThat(t.complaints().received()).isEqualTo(1);
        assertThat(t.complaints().resolved()).isZero();
        assertThat(t.complaints().open()).isEqualTo(1);
    }

    @Test
    void aComplaintTheStoreRefusesIsTakenBackAndNotCounted() {
        complaintStore.refuseNextInsert = true;
        assertThatThrownBy(() -> f.mz.complaints().record(new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.OTHER, null, null, null,
                "窗口态度", null, "clerk1")))
                .isInstanceOfSatisfying(SupervisionException.class, e -> assertThat(e.reason()).isEqualTo(SupervisionException.Reason.CONCURRENT_UPDATE));
        List<AuditEvent> events = events(AuditType.COMPLAINT);
        assertThat(events).extracting(e -> e.detail().get("event")).containsExactly("RECEIVED", "NOT_SAVED");
        assertThat(events.get(1).detail()).containsEntry("attempted", "RECEIVED")
                .containsEntry("attemptedSequence", Long.toString(events.get(0).sequence()));
        assertThat(report().complaints().received()).isZero();

        f.mz.complaints().record(new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.OTHER, null, null, null, "窗口态度", null,
                "clerk1"));
        assertThat(report().complaints().received()).isEqualTo(1);
    }
}
