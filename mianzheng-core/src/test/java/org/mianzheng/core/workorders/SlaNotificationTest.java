package org.mianzheng.core.workorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mianzheng.core.workorders.WorkOrderFixture.PDF;
import static org.mianzheng.core.workorders.WorkOrderFixture.shanghai;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.Case;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.DeadlineShift;
import org.mianzheng.api.DirectedRequest;
import org.mianzheng.api.DirectedStatus;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.Notification;
import org.mianzheng.api.OnlineOutcome;
import org.mianzheng.api.OnlineRequest;
import org.mianzheng.api.Origin;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.api.spi.DirectedRequestChannel;
import org.mianzheng.core.MutableClock;
import org.mianzheng.core.calendar.DayOverride;
import org.mianzheng.core.calendar.HolidayYear;
import org.mianzheng.core.store.InMemoryCatalogStore;
import org.mianzheng.core.store.InMemoryWorkOrderStore;

class SlaNotificationTest {
    WorkOrderFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    WorkOrder normalOrderAtTen() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("ZJ001", "PF");
        return f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
    }

    @Test
    void warningsBreachAndEscalationEachOnceInOrder() {
        WorkOrder o = normalOrderAtTen(); // due 10:30
        assertThat(f.mz.workOrders().runDueActions()).isZero();
        f.clock.set(shanghai(2026, 3, 2, 10, 15));
        assertThat(f.mz.workOrders().runDueActions()).isEqualTo(1);
        assertThat(f.mz.workOrders().runDueActions()).isZero();
        f.clock.set(shanghai(2026, 3, 2, 10, 24));
        f.mz.workOrders().runDueActions();
        f.clock.set(shanghai(2026, 3, 2, 10, 25));
        f.mz.workOrders().runDueActions();
        f.clock.set(shanghai(2026, 3, 2, 10, 30));
        f.mz.workOrders().runDueActions();
        f.clock.set(shanghai(2026, 3, 2, 10, 45));
        f.mz.workOrders().runDueActions();
        f.clock.set(shanghai(2026, 3, 2, 11, 0));
        f.mz.workOrders().runDueActions();
        assertThat(f.mz.workOrders().runDueActions()).isZero();
        assertThat(f.kinds()).containsExactly("WARNING:HANDLER", "WARNING:HANDLER", "WARNING:HANDLER", "BREACH:HANDLER",
                "ESCALATION:DEPARTMENT_LEAD", "ESCALATION:SUPERVISING_OFFICE");
        assertThat(f.sent).extracting(Notification::orderId).containsOnly(o.id());
        assertThat(f.sent).extracting(Notification::id).doesNotHaveDuplicates();
        assertThat(f.sent.get(0).message()).contains("50%").contains("规划批复");
        // breach is read from stored timestamps
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().breachedAt(f.clock.instant())).isTrue();
    }

    @Test
    void nothingAfterTheAnswer() {
        WorkOrder o = normalOrderAtTen();
        f.clock.set(shanghai(2026, 3, 2, 10, 15));
        f.mz.workOrders().runDueActions();
        f.clock.set(shanghai(2026, 3, 2, 10, 20));
        f.mz.workOrders().complete(o.id(), "verifier-scjgj", PDF);
        f.clock.set(shanghai(2026, 3, 2, 12, 0));
        assertThat(f.mz.workOrders().runDueActions()).isZero();
        assertThat(f.kinds()).containsExactly("WARNING:HANDLER");
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().compliant()).isTrue();
    }

    @Test
    void afterDowntimeOverdueNoticesGoOutOnceMarkedLate() {
        WorkOrder o = normalOrderAtTen();
        f.clock.set(shanghai(2026, 3, 2, 14, 0)); // the engine was down all that time
        assertThat(f.mz.workOrders().runDueActions()).isEqualTo(6);
        assertThat(f.sent).allSatisfy(n -> assertThat(n.late()).isTrue());
        assertThat(f.sent).allSatisfy(n -> assertThat(n.message()).endsWith("（补发）"));
        assertThat(f.mz.workOrders().runDueActions()).isZero();
        assertThat(o.state()).isEqualTo(WorkOrderState.SUBMITTED);
    }

    @Test
    void aDeadlineMovedEarlierDoesNotRepeatTheWarningsAlreadySent() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        Case c = f.caseWithConsent("ZJ001", "PF");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.COMPLEX); // 24 h: due 03-03 10:00
        f.clock.set(shanghai(2026, 3, 3, 8, 0));
        assertThat(f.mz.workOrders().runDueActions()).isEqualTo(2); // the 50 % and 80 % warnings
        f.mz.workOrders().reclassify(o.id(), "clerk1", Complexity.NORMAL, "材料齐全，按一般件办理"); // due 03-02 10:30: all is past
        f.mz.workOrders().runDueActions();
        // the 5-minute warning, the breach and both escalations go out (late); the two warnings sent are not repeated
        assertThat(f.sent).extracting(n -> n.kind().name()).containsExactly("WARNING", "WARNING", "WARNING", "BREACH", "ESCALATION", "ESCALATION");
        assertThat(f.mz.workOrders().runDueActions()).isZero();
    }

    @Test
    void anOrderAnsweredWhileItsFirstNoticeIsOnItsWayGetsNoMoreNotices() {
        WorkOrder o = normalOrderAtTen();
        f.clock.set(shanghai(2026, 3, 2, 14, 0)); // six notices are due at once
        f.duringSend = n -> {
            f.duringSend = x -> { };
            f.mz.workOrders().complete(o.id(), "verifier-scjgj", PDF); // the department answers meanwhile
        };
        assertThat(f.mz.workOrders().runDueActions()).isEqualTo(1);
        assertThat(f.kinds()).containsExactly("WARNING:HANDLER:late");
        assertThat(f.mz.workOrders().runDueActions()).isZero();
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().state()).isEqualTo(WorkOrderState.COMPLETED);
    }

    @Test
    void aRestartRebuildsTheScheduleFromTheStoreWithoutDuplicates() {
        MutableClock clock = new MutableClock(shanghai(2026, 3, 2, 10, 0));
        InMemoryWorkOrderStore store = new InMemoryWorkOrderStore();
        InMemoryCatalogStore catalog = new InMemoryCatalogStore();
        f = new WorkOrderFixture(clock, store, null, null, true, catalog);
        Case c = f.caseWithConsent("ZJ001", "PF");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        clock.set(shanghai(2026, 3, 2, 10, 20));
        assertThat(f.mz.workOrders().runDueActions()).isEqualTo(1);
        f.close();
        // a new engine on the same stores: the 50 % warning is not sent again, the rest goes out
        WorkOrderFixture restarted = new WorkOrderFixture(clock, store, null, null, false, catalog);
        clock.set(shanghai(2026, 3, 2, 11, 30));
        assertThat(restarted.mz.workOrders().runDueActions()).isEqualTo(5);
        assertThat(restarted.sent).extracting(Notification::id).noneMatch(id -> id.contains(":warn-50:"));
        assertThat(restarted.sent).extracting(Notification::orderId).containsOnly(o.id());
        f = restarted;
    }

    @Test
    void aResultPushTheNotifierFailedToTakeIsSentByTheNextSweep() {
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0));
        OnlineOutcome online = f.mz.workOrders().requestOnline(new OnlineRequest("WEB-7", "acct-7", WorkOrderFixture.ZHANG, "ZJ001", "SRZM",
                "申请公共租赁住房", Complexity.NORMAL));
        f.duringSend = n -> {
            if (n.kind() == Notification.Kind.RESULT_PUSH) {
                f.duringSend = x -> { };
                throw new IllegalStateException("push gateway down");
            }
        };
        f.mz.workOrders().complete(online.order().id(), "verifier-gaj", PDF);
        assertThat(f.kinds()).isEmpty();
        f.mz.workOrders().runDueActions();
        assertThat(f.kinds()).containsExactly("RESULT_PUSH:APPLICANT");
        f.mz.workOrders().runDueActions();
        assertThat(f.kinds()).containsExactly("RESULT_PUSH:APPLICANT"); // once
    }

    @Test
    void onlineRequestsIssuedAtOnceWhenConnected() {
        ConcurrentHashMap<String, Boolean> asked = new ConcurrentHashMap<>();
        org.mianzheng.api.spi.CertificationSource cert = new org.mianzheng.api.spi.CertificationSource() {
            @Override
            public String id() {
                return "cityhub";
            }

            @Override
            public CompletionStage<DocumentFile> issue(DirectedRequest request) {
                asked.put(request.materialCode(), true);
                return CompletableFuture.completedFuture(request.applicant().value().endsWith("X") ? DocumentFile.of(PDF, 1 << 20) : null);
            }
        };
        f = new WorkOrderFixture(shanghai(2026, 3, 2, 10, 0), new InMemoryWorkOrderStore(), null, cert, true);
        OnlineOutcome now = f.mz.workOrders().requestOnline(new OnlineRequest("WEB-1", "acct-1", WorkOrderFixture.ZHANG, "ZJ001", "WFZM",
                "申请公共租赁住房", Complexity.NORMAL));
        assertThat(now.issuedImmediately()).isTrue();
        assertThat(now.certificate().sha256()).isEqualTo(org.mianzheng.api.Digests.sha256Hex(PDF));
        assertThat(f.kinds()).containsExactly("RESULT_PUSH:APPLICANT");
        assertThat(f.sent.get(0).id()).isEqualTo("push:WEB-1:WFZM"); // one per application and material
        // not connected for this applicant: a work order under the online rules
        OnlineOutcome later = f.mz.workOrders().requestOnline(new OnlineRequest("WEB-2", "acct-2",
                org.mianzheng.api.Holder.person("440524188001010014", "李四"), "ZJ001", "WFZM", "申请公共租赁住房", Complexity.NORMAL));
        WorkOrder o = later.order();
        assertThat(o.origin()).isEqualTo(Origin.ONLINE);
        assertThat(o.requestedBy()).isEqualTo("online:acct-2");
        assertThat(o.answerDueAt()).isEqualTo(o.createdAt().plus(Duration.ofHours(24)));
        assertThat(o.returnDueAt()).isEqualTo(shanghai(2026, 3, 2, 12, 0)); // 2 working hours
        OnlineOutcome complex = f.mz.workOrders().requestOnline(new OnlineRequest("WEB-3", "acct-3",
                org.mianzheng.api.Holder.person("440524188001010014", "李四"), "ZJ001", "SRZM", "申请公共租赁住房", Complexity.COMPLEX));
        assertThat(complex.order().answerDueAt()).isEqualTo(complex.order().createdAt().plus(Duration.ofHours(48)));
        f.mz.workOrders().complete(o.id(), "verifier-zjj", PDF);
        assertThat(f.kinds()).containsExactly("RESULT_PUSH:APPLICANT", "RESULT_PUSH:APPLICANT");
        assertThat(f.sent.get(1).orderId()).isEqualTo(o.id());
        assertThat(asked).containsKey("WFZM");
    }

    @Test
    void deadlinesOutsideTheLoadedYearsAreProvisionalAlarmedAndRecomputedOnUpdate() {
        f = new WorkOrderFixture(shanghai(2027, 6, 4, 18, 20)); // a Friday in 2027 (summer hours, close 18:30): no calendar data bundled
        Case c = f.caseWithConsent("ZJ001", "PF", "SRZM");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        f.mz.workOrders().request(c.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);
        assertThat(o.provisional()).isTrue();
        assertThat(o.answerDueAt()).isEqualTo(shanghai(2027, 6, 7, 8, 50)); // plain weekdays: Monday
        assertThat(f.kinds()).containsExactly("COVERAGE_ALARM:OPERATIONS"); // once, not per order
        // the 2027 calendar arrives: 2027-06-07 is a holiday in this (made-up) data
        HolidayYear y2027 = new HolidayYear(2027, "test", List.of(DayOverride.off(LocalDate.of(2027, 6, 7))));
        List<DeadlineShift> preview = f.mz.previewCalendarUpdate(s -> s.withYears(List.of(y2027)));
        assertThat(preview).hasSize(2);
        DeadlineShift shift = preview.stream().filter(s -> s.orderId().equals(o.id())).findFirst().orElseThrow();
        assertThat(shift.answerDueAfter()).isEqualTo(shanghai(2027, 6, 8, 8, 50));
        assertThat(shift.provisionalAfter()).isFalse();
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().answerDueAt()).as("dry run changes nothing").isEqualTo(o.answerDueAt());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.mz.applyCalendarUpdate(s -> s.withYears(List.of(y2027)), "clerk1"))
                .isInstanceOf(org.mianzheng.api.AccessDeniedException.class);
        f.mz.applyCalendarUpdate(s -> s.withYears(List.of(y2027)), "sup");
        WorkOrder after = f.mz.workOrders().find(o.id()).orElseThrow();
        assertThat(after.answerDueAt()).isEqualTo(shanghai(2027, 6, 8, 8, 50));
        assertThat(after.provisional()).isFalse();
        assertThat(f.mz.audit().read(1, 10_000, "sup", "t")).anyMatch(e -> e.type() == org.mianzheng.api.AuditType.CALENDAR_UPDATED
                && "2".equals(e.detail().get("ordersChanged")));
    }

    /** An engine at Monday 10:00 whose orders a {@link Desk} carries. */
    private Desk engineWithDesk() {
        MutableClock clock = new MutableClock(shanghai(2026, 3, 2, 10, 0));
        Desk desk = new Desk(clock);
        f = new WorkOrderFixture(clock, new InMemoryWorkOrderStore(), desk, null, true, null);
        return desk;
    }

    /** A desk that answers when told to. */
    static class Desk implements DirectedRequestChannel {
        final ConcurrentHashMap<String, DirectedStatus> status = new ConcurrentHashMap<>();
        final MutableClock clock;

        Desk(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public String id() {
            return "cityhub";
        }

        /** Submits whose answer is lost on the way back (the desk holds the order, the engine hears nothing). */
        int loseSubmitAnswers;
        final java.util.List<String> submitted = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<DirectedStatus> submit(DirectedRequest r) {
            submitted.add(r.orderId());
            // idempotent by order id, as the contract asks: an order the desk holds is answered with its status
            DirectedStatus s = status.computeIfAbsent("EXT-" + r.orderId(), id -> new DirectedStatus(id, WorkOrderState.SUBMITTED, null, null,
                    clock.instant()));
            if (loseSubmitAnswers > 0) {
                loseSubmitAnswers--;
                return CompletableFuture.failedFuture(new org.mianzheng.api.ChannelException(id(), org.mianzheng.api.SourceOutcome.TIMEOUT, null,
                        "no answer within the call timeout"));
            }
            return CompletableFuture.completedFuture(s);
        }

        /** Whether the desk is down: status calls fail as unavailable. */
        volatile boolean down;
        /** Orders whose status calls fail as if the desk were down. */
        final java.util.Set<String> hanging = ConcurrentHashMap.newKeySet();
        final java.util.concurrent.atomic.AtomicInteger statusCalls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public CompletionStage<DirectedStatus> status(String externalId) {
            statusCalls.incrementAndGet();
            if (down || hanging.contains(externalId)) {
                return CompletableFuture.failedFuture(new org.mianzheng.api.ChannelException(id(), org.mianzheng.api.SourceOutcome.UNAVAILABLE, null,
                        "connection refused"));
            }
            return CompletableFuture.completedFuture(status.get(externalId));
        }

        @Override
        public CompletionStage<DocumentFile> result(String externalId) {
            return CompletableFuture.completedFuture(DocumentFile.of(PDF, 1 << 20));
        }

        @Override
        public CompletionStage<DirectedStatus> cancel(String externalId, String reason) {
            return status(externalId);
        }

        void set(String externalId, WorkOrderState state, String reason, String suggestion) {
            status.put(externalId, new DirectedStatus(externalId, state, reason, suggestion, clock.instant()));
        }
    }

    @Test
    void ordersCarriedByTheChannelFollowTheDesk() {
        Desk desk = engineWithDesk();
        MutableClock clock = f.clock;
        Case c = f.caseWithConsent("ZJ001", "PF", "SRZM");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        assertThat(o.externalId()).isEqualTo("EXT-" + o.id());
        desk.set(o.externalId(), WorkOrderState.ACCEPTED, null, null);
        f.mz.workOrders().runDueActions();
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().state()).isEqualTo(WorkOrderState.ACCEPTED);
        clock.advance(Duration.ofMinutes(12));
        desk.set(o.externalId(), WorkOrderState.COMPLETED, null, null);
        f.mz.workOrders().runDueActions();
        WorkOrder done = f.mz.workOrders().find(o.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(done.closedBy()).isEqualTo("channel:cityhub");
        assertThat(done.compliant()).isTrue();
        WorkOrder o2 = f.mz.workOrders().request(c.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);
        desk.set(o2.externalId(), WorkOrderState.RETURNED, "不属于本单位职责", "ZJJ");
        f.mz.workOrders().runDueActions();
        WorkOrder ret = f.mz.workOrders().find(o2.id()).orElseThrow();
        assertThat(ret.state()).isEqualTo(WorkOrderState.RETURNED);
        assertThat(ret.transferSuggestion()).isEqualTo("ZJJ");
    }

    /**
     * A result file takes longer than a call: the sweep waits {@code directedResultTimeout} for it, not the channel
     * timeout (here 100 ms, while the file comes after 300 ms).
     */
    @Test
    void aResultFileSlowerThanTheChannelTimeoutIsWaitedFor() {
        MutableClock clock = new MutableClock(shanghai(2026, 3, 2, 10, 0));
        Desk desk = new Desk(clock) {
            @Override
            public CompletionStage<DocumentFile> result(String externalId) {
                return CompletableFuture.supplyAsync(() -> DocumentFile.of(PDF, 1 << 20),
                        CompletableFuture.delayedExecutor(300, java.util.concurrent.TimeUnit.MILLISECONDS));
            }
        };
        f = new WorkOrderFixture(clock, new InMemoryWorkOrderStore(), desk, null, true, null, b -> b.retrievalSettings(
                org.mianzheng.core.retrieval.RetrievalSettings.defaults().withTimeouts(Duration.ofMillis(100), Duration.ofMillis(500))));
        Case c = f.caseWithConsent("ZJ001", "PF");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        desk.set(o.externalId(), WorkOrderState.COMPLETED, null, null);
        f.mz.workOrders().runDueActions();
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().state()).isEqualTo(WorkOrderState.COMPLETED);
    }

    @Test
    void anOrderTheDeskNeverConfirmedIsSubmittedAgainAndThenFollowsTheDesk() {
        Desk desk = engineWithDesk();
        MutableClock clock = f.clock;
        Case c = f.caseWithConsent("ZJ001", "PF");
        desk.loseSubmitAnswers = 2; // the first submit and the first sweep's submit time out; the desk holds the order
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        assertThat(o.externalId()).isNull();
        f.mz.workOrders().runDueActions();
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().externalId()).isNull();
        clock.advance(Duration.ofMinutes(5));
        desk.set("EXT-" + o.id(), WorkOrderState.COMPLETED, null, null); // the department answered at the desk
        f.mz.workOrders().runDueActions();
        WorkOrder done = f.mz.workOrders().find(o.id()).orElseThrow();
        assertThat(done.externalId()).isEqualTo("EXT-" + o.id());
        assertThat(done.state()).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(done.closedBy()).isEqualTo("channel:cityhub");
        assertThat(desk.submitted).containsExactly(o.id(), o.id(), o.id());
        assertThat(desk.status).hasSize(1); // created once at the desk
        f.mz.workOrders().runDueActions();
        assertThat(desk.submitted).hasSize(3); // a confirmed order is not submitted again
    }

    @Test
    void aDeskThatDoesNotAnswerCostsOneCallPerSweepAndHoldsNoNoticeUp() {
        Desk desk = engineWithDesk();
        MutableClock clock = f.clock;
        Case c = f.caseWithConsent("ZJ001", "PF", "SRZM", "WFZM");
        f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        f.mz.workOrders().request(c.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);
        desk.down = true;
        clock.set(shanghai(2026, 3, 2, 10, 16));
        int sent = f.mz.workOrders().runDueActions();
        assertThat(desk.statusCalls).hasValue(1); // not one per open order
        assertThat(sent).isEqualTo(2); // both 50 % warnings went out all the same
        desk.down = false;
        f.mz.workOrders().runDueActions();
        assertThat(desk.statusCalls).hasValue(3); // back up: every open order is asked again
    }

    @Test
    void oneOrderWhoseCallsFailCannotKeepTheOthersUnasked() {
        Desk desk = engineWithDesk();
        Case c = f.caseWithConsent("ZJ001", "PF", "SRZM");
        f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        f.mz.workOrders().request(c.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);
        WorkOrder a = f.store.open().get(0); // the order the store lists first: it hangs
        WorkOrder b = f.store.open().get(1);
        desk.hanging.add(a.externalId());
        desk.hanging.add(b.externalId());
        desk.set(a.externalId(), WorkOrderState.ACCEPTED, null, null);
        desk.set(b.externalId(), WorkOrderState.ACCEPTED, null, null);
        f.mz.workOrders().runDueActions();
        f.mz.workOrders().runDueActions(); // each sweep stopped at its first order: the two sweeps started at different ones
        assertThat(desk.statusCalls).hasValue(2);
        desk.hanging.remove(b.externalId());
        desk.hanging.remove(a.externalId());
        desk.hanging.add(a.externalId()); // a still hangs; b answers now
        f.mz.workOrders().runDueActions();
        f.mz.workOrders().runDueActions();
        assertThat(f.mz.workOrders().find(b.id()).orElseThrow().state()).isEqualTo(WorkOrderState.ACCEPTED);
        assertThat(f.mz.workOrders().find(a.id()).orElseThrow().state()).isEqualTo(WorkOrderState.SUBMITTED);
    }

    @Test
    void aReturnAtTheDeskSuggestingADepartmentTheCatalogLacksIsRecordedAndStopsTheNotices() {
        Desk desk = engineWithDesk();
        MutableClock clock = f.clock;
        Case c = f.caseWithConsent("ZJ001", "PF");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        clock.set(shanghai(2026, 3, 2, 10, 5));
        desk.set(o.externalId(), WorkOrderState.RETURNED, "不属于本单位职责", "XZSPJ"); // not in the catalog
        f.mz.workOrders().runDueActions();
        WorkOrder returned = f.mz.workOrders().find(o.id()).orElseThrow();
        assertThat(returned.state()).isEqualTo(WorkOrderState.RETURNED);
        assertThat(returned.transferSuggestion()).isEqualTo("XZSPJ");
        clock.set(shanghai(2026, 3, 2, 12, 0));
        assertThat(f.mz.workOrders().runDueActions()).isZero(); // closed: no breach, no escalation
        long events = f.mz.internals().audit().head().sequence();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.mz.workOrders().transfer(o.id(), "clerk1"))
                .isInstanceOf(org.mianzheng.api.WorkOrderException.class).hasMessageContaining("no department XZSPJ in the catalog");
        assertThat(f.mz.workOrders().find(o.id()).orElseThrow().transferredTo()).isNull(); // nothing linked
        assertThat(f.mz.internals().audit().head().sequence()).isEqualTo(events); // nothing recorded
        // a verifier returning it by hand must still name a department of the catalog
        WorkOrder other = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.mz.workOrders().returnOrder(other.id(), "verifier-scjgj", "不属于本单位职责", "XZSPJ"))
                .isInstanceOf(org.mianzheng.api.WorkOrderException.class).hasMessageContaining("another department of the catalog");
    }

    @Test
    void aReturnAtTheDeskWhoseReasonHoldsTextAStoreCannotKeepIsAppliedWithItReplaced() {
        Desk desk = engineWithDesk();
        Case c = f.caseWithConsent("ZJ001", "PF");
        WorkOrder o = f.mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
        desk.set(o.externalId(), WorkOrderState.RETURNED, "不属于\0本单位职责", "ZJJ");
        f.mz.workOrders().runDueActions();
        WorkOrder returned = f.mz.workOrders().find(o.id()).orElseThrow();
        assertThat(returned.state()).isEqualTo(WorkOrderState.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("不属于\uFFFD本单位职责");
    }
}
