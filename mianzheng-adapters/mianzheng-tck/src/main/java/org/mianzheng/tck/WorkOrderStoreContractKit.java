package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.spi.WorkOrderStore;
import org.mianzheng.api.spi.WorkOrderStore.ScheduledAction;

/**
 * Contract of {@link WorkOrderStore}: optimistic versions, orders and schedules written together, exclusive claims
 * with leases, first-wins outbox.
 */
public abstract class WorkOrderStoreContractKit {
    private static final Instant T = StoreSamples.T0;
    private static final Duration LEASE = Duration.ofMinutes(2);

    /** The store under test. */
    protected WorkOrderStore store;

    /** @return a new, empty store */
    protected abstract WorkOrderStore newStore();

    /**
     * Another instance on the same backing store as the last {@link #newStore()}: another node on the same database.
     * The races below spread their writers over both instances. By default it is the same instance, which is right for
     * a store that is not shared between nodes; a store meant for several nodes should override it, since a store that
     * guards its writes only within its own instance passes the races on one instance.
     *
     * @return the second node's instance, or {@link #store} itself
     */
    protected WorkOrderStore secondNode() {
        return store;
    }

    @BeforeEach
    void open() {
        store = newStore();
    }

    /** Inserts a sample order created at {@code T} with its sample schedule, and returns the schedule. */
    private List<ScheduledAction> insertScheduled(String id) {
        WorkOrder o = StoreSamples.order(id, T);
        List<ScheduledAction> plan = StoreSamples.schedule(o);
        store.insert(o, plan);
        return plan;
    }

    private static List<String> ids(List<ScheduledAction> l) {
        return l.stream().map(ScheduledAction::notificationId).toList();
    }

    /** The highest rule version counts closed orders too: a restarted engine numbers its next table past them. */
    @Test
    void theHighestRuleVersionCountsClosedOrders() {
        assertThat(store.highestRuleVersion()).as("no order").isZero();
        store.insert(StoreSamples.order("WO-R1", T, 2), List.of());
        WorkOrder three = StoreSamples.order("WO-R3", T, 3);
        store.insert(three, List.of());
        assertThat(store.update(StoreSamples.completed(three, T.plusSeconds(60)))).isTrue();
        assertThat(store.open()).extracting(WorkOrder::ruleVersion).containsExactly(2);
        assertThat(store.highestRuleVersion()).isEqualTo(3);
    }

    @Test
    void ordersComeBackEqualAndUpdatesAreOptimistic() {
        WorkOrder o = StoreSamples.order("WO-1", T);
        store.insert(o, List.of());
        assertThat(store.find("WO-1")).contains(o);
        assertThat(store.find("WO-2")).isEmpty();
        assertThatThrownBy(() -> store.insert(o, List.of())).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.insert(StoreSamples.completed(StoreSamples.order("WO-3", T), T), List.of())).isInstanceOf(StoreException.class);
        assertThat(store.find("WO-3")).isEmpty();
        WorkOrder done = StoreSamples.completed(o, T.plusSeconds(60).plusNanos(3));
        assertThat(store.update(done)).isTrue();
        assertThat(store.find("WO-1")).contains(done);
        assertThat(store.find("WO-1").orElseThrow().result().bytes()).isEqualTo(StoreSamples.PDF);
        assertThat(store.update(done)).as("stale version").isFalse();
        assertThat(store.update(StoreSamples.completed(StoreSamples.order("WO-9", T), T))).as("unknown order").isFalse();
        assertThat(store.findAll(List.of("WO-1", "WO-9", "WO-1"))).containsExactly(done);
    }

    @Test
    void openAndCreatedBetween() {
        WorkOrder a = StoreSamples.order("WO-A", T);
        WorkOrder b = StoreSamples.order("WO-B", T.plusSeconds(10));
        WorkOrder c = StoreSamples.order("WO-C", T.plusSeconds(20));
        store.insert(a, List.of());
        store.insert(b, List.of());
        store.insert(c, List.of());
        store.update(StoreSamples.completed(b, T.plusSeconds(30)));
        assertThat(store.open()).extracting(WorkOrder::id).containsExactlyInAnyOrder("WO-A", "WO-C");
        assertThat(store.createdBetween(T, T.plusSeconds(20))).extracting(WorkOrder::id).containsExactlyInAnyOrder("WO-A", "WO-B");
        assertThat(store.createdBetween(Instant.MIN, Instant.MAX)).hasSize(3);
    }

    @Test
    void outboxIsFirstWins() {
        assertThat(store.sent("push:1")).isFalse();
        assertThat(store.markSent("push:1", T)).isTrue();
        assertThat(store.markSent("push:1", T.plusSeconds(1))).isFalse();
        assertThat(store.sent("push:1")).isTrue();
        assertThat(store.markSent(List.of("push:1", "push:2", "push:3"), T)).containsExactly("push:2", "push:3");
    }

    @Test
    void scheduleIsWrittenWithTheOrderAndClaimedWhenDue() {
        List<ScheduledAction> plan = insertScheduled("WO-1");
        assertThat(store.scheduled("WO-1")).containsExactlyElementsOf(plan);
        assertThat(store.openUnscheduled()).isEmpty();
        assertThat(store.claimDue(T.plusSeconds(60), "node-a", T.plus(LEASE), 10)).as("nothing due yet").isEmpty();
        Instant at25 = T.plus(Duration.ofMinutes(25));
        List<ScheduledAction> claimed = store.claimDue(at25, "node-a", at25.plus(LEASE), 10);
        assertThat(claimed).containsExactlyElementsOf(plan.subList(0, 2));
        assertThat(store.claimDue(at25, "node-b", at25.plus(LEASE), 10)).as("claims are exclusive").isEmpty();
        assertThat(store.markSent(plan.get(0).notificationId(), at25)).isTrue();
        assertThat(store.scheduled("WO-1")).containsExactlyElementsOf(plan.subList(1, 4));
        Instant afterLease = at25.plus(Duration.ofMinutes(6)); // the lease has lapsed; the breach (02:30) is due
        assertThat(store.claimDue(afterLease, "node-b", afterLease.plus(LEASE), 10)).as("a lapsed claim is taken over, a sent one never")
                .containsExactly(plan.get(1), plan.get(2));
        assertThat(store.renew("node-a", ids(plan), afterLease.plus(LEASE))).as("node-a lost its claim").isEmpty();
        assertThat(store.renew("node-b", ids(plan), afterLease.plus(LEASE))).containsExactlyInAnyOrder(plan.get(1).notificationId(),
                plan.get(2).notificationId());
        store.release("node-b", List.of(plan.get(2).notificationId()));
        assertThat(store.claimDue(afterLease, "node-c", afterLease.plus(LEASE), 10)).as("released claims are free at once")
                .containsExactly(plan.get(2));
    }

    @Test
    void renewedClaimsOutliveTheFirstLease() {
        List<ScheduledAction> plan = insertScheduled("WO-1");
        Instant now = T.plus(Duration.ofHours(1));
        assertThat(store.claimDue(now, "node-a", now.plus(LEASE), 2)).as("limit").hasSize(2);
        assertThat(store.renew("node-a", ids(plan.subList(0, 2)), now.plus(LEASE.multipliedBy(3)))).hasSize(2);
        Instant later = now.plus(LEASE.multipliedBy(2));
        assertThat(store.claimDue(later, "node-b", later.plus(LEASE), 10)).containsExactlyElementsOf(plan.subList(2, 4));
    }

    @Test
    void rescheduleReplacesPendingKeepsSentAndClosingDropsPending() {
        List<ScheduledAction> plan = insertScheduled("WO-1");
        WorkOrder o = store.find("WO-1").orElseThrow();
        store.markSent(plan.get(0).notificationId(), T.plus(Duration.ofMinutes(15)));
        WorkOrder moved = StoreSamples.moved(o, 2, T.plus(Duration.ofHours(24)));
        List<ScheduledAction> newPlan = StoreSamples.schedule(moved);
        assertThat(store.update(moved, newPlan)).isTrue();
        assertThat(store.find("WO-1")).contains(moved);
        assertThat(store.scheduled("WO-1")).containsExactlyElementsOf(newPlan);
        assertThat(store.sent(plan.get(0).notificationId())).isTrue();
        assertThat(store.update(StoreSamples.moved(o, 2, T), List.of())).as("stale: nothing written").isFalse();
        assertThat(store.scheduled("WO-1")).containsExactlyElementsOf(newPlan);
        assertThat(store.update(StoreSamples.completed(moved, T.plusSeconds(5)), null)).isTrue();
        assertThat(store.scheduled("WO-1")).as("a terminal order has nothing pending").isEmpty();
        assertThat(store.claimDue(T.plus(Duration.ofDays(3)), "node-a", T.plus(Duration.ofDays(4)), 10)).isEmpty();
    }

    @Test
    void unscheduledOrdersCanBeScheduledAndActionsCancelled() {
        WorkOrder o = StoreSamples.order("WO-1", T);
        store.insert(o);
        store.insert(StoreSamples.order("WO-2", T), List.of());
        assertThat(store.openUnscheduled()).extracting(WorkOrder::id).containsExactlyInAnyOrder("WO-1", "WO-2");
        List<ScheduledAction> plan = StoreSamples.schedule(o);
        store.markSent(plan.get(0).notificationId(), T);
        store.schedule(plan);
        store.schedule(plan);
        assertThat(store.scheduled("WO-1")).as("known ids are left as they are").containsExactlyElementsOf(plan.subList(1, 4));
        assertThat(store.openUnscheduled()).extracting(WorkOrder::id).containsExactly("WO-2");
        store.cancel(List.of(plan.get(1).notificationId(), plan.get(0).notificationId()));
        assertThat(store.scheduled("WO-1")).containsExactlyElementsOf(plan.subList(2, 4));
        assertThat(store.sent(plan.get(0).notificationId())).as("cancel keeps what was sent").isTrue();
        assertThatThrownBy(() -> store.schedule(StoreSamples.schedule(StoreSamples.order("WO-X", T)))).isInstanceOf(StoreException.class);
    }

    @Test
    void anUpdateThatSkipsAVersionIsRefused() {
        WorkOrder o = StoreSamples.order("WO-1", T);
        store.insert(o, List.of());
        assertThat(store.update(StoreSamples.moved(o, 3, T.plus(Duration.ofHours(1))), null)).as("version 3 over version 1").isFalse();
        assertThat(store.find("WO-1")).contains(o);
    }

    @Test
    void ofConcurrentUpdatesOfOneVersionExactlyOneWins() throws Exception {
        WorkOrder o = StoreSamples.order("WO-1", T);
        store.insert(o, List.of());
        List<Callable<Boolean>> writers = new ArrayList<>();
        List<WorkOrder> attempts = new ArrayList<>();
        WorkOrderStore[] nodes = {store, secondNode()};
        for (int n = 0; n < 4; n++) {
            WorkOrder next = StoreSamples.moved(o, 2, T.plus(Duration.ofHours(n + 1)));
            WorkOrderStore on = nodes[n % 2];
            attempts.add(next);
            writers.add(() -> on.update(next, null));
        }
        List<Object> results = ContractSupport.together(writers);
        assertThat(results).as("exactly one writer of version 2 wins").filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(store.find("WO-1").orElseThrow()).isEqualTo(attempts.get(results.indexOf(Boolean.TRUE)));
    }

    @Test
    void ofConcurrentMarksOfOneNotificationExactlyOneWins() throws Exception {
        List<Callable<Boolean>> marks = new ArrayList<>();
        WorkOrderStore[] nodes = {store, secondNode()};
        for (int n = 0; n < 4; n++) {
            Instant at = T.plusSeconds(n);
            WorkOrderStore on = nodes[n % 2];
            marks.add(() -> on.markSent("push:race", at));
        }
        assertThat(ContractSupport.together(marks)).as("first wins, once").filteredOn(Boolean.TRUE::equals).hasSize(1);
    }

    @Test
    void aTerminalOrderKeepsNothingPendingEvenWithAScheduleGiven() {
        List<ScheduledAction> plan = insertScheduled("WO-1");
        WorkOrder o = store.find("WO-1").orElseThrow();
        assertThat(store.update(StoreSamples.completed(o, T.plusSeconds(5)), plan)).isTrue();
        assertThat(store.scheduled("WO-1")).isEmpty();
        assertThat(store.claimDue(T.plus(Duration.ofDays(3)), "node-a", T.plus(Duration.ofDays(4)), 10)).isEmpty();
    }

    @Test
    void aRescheduleNeverBringsBackAnIdAlreadySent() {
        List<ScheduledAction> plan = insertScheduled("WO-1");
        WorkOrder o = store.find("WO-1").orElseThrow();
        store.markSent(plan.get(0).notificationId(), T.plus(Duration.ofMinutes(15)));
        WorkOrder moved = StoreSamples.moved(o, 2, o.answerDueAt());
        assertThat(store.update(moved, plan)).isTrue(); // the same ids again, the sent one among them
        assertThat(ids(store.scheduled("WO-1"))).doesNotContain(plan.get(0).notificationId());
        assertThat(ids(store.claimDue(T.plus(Duration.ofDays(3)), "node-a", T.plus(Duration.ofDays(4)), 10)))
                .doesNotContain(plan.get(0).notificationId());
    }

    @Test
    void onlyTheClaimantGivesItsClaimsBack() {
        List<ScheduledAction> plan = insertScheduled("WO-1");
        Instant now = T.plus(Duration.ofHours(1));
        List<ScheduledAction> claimed = store.claimDue(now, "node-a", now.plus(LEASE), 1);
        assertThat(claimed).hasSize(1);
        store.release("node-b", ids(claimed));
        assertThat(ids(store.claimDue(now, "node-c", now.plus(LEASE), 10))).as("still node-a's").doesNotContain(claimed.get(0).notificationId());
    }

    @Test
    void aLeaseEndingNowIsFreeNow() {
        List<ScheduledAction> plan = insertScheduled("WO-1");
        Instant now = T.plus(Duration.ofHours(1));
        Instant leaseEnd = now.plus(LEASE);
        List<ScheduledAction> claimed = store.claimDue(now, "node-a", leaseEnd, 1);
        assertThat(store.claimDue(leaseEnd, "node-b", leaseEnd.plus(LEASE), 10)).as("a lease that ended at or before now")
                .contains(claimed.get(0));
    }

    @Test
    void concurrentClaimantsGetDisjointActionsCoveringAllDue() throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            WorkOrder o = StoreSamples.order("WO-" + i, T);
            List<ScheduledAction> plan = StoreSamples.schedule(o);
            store.insert(o, plan);
            all.addAll(ids(plan));
        }
        Instant now = T.plus(Duration.ofDays(1));
        List<Callable<List<String>>> nodes = new ArrayList<>();
        WorkOrderStore[] instances = {store, secondNode()};
        for (int n = 0; n < 4; n++) {
            String node = "node-" + n;
            WorkOrderStore on = instances[n % 2];
            nodes.add(() -> {
                List<String> mine = new ArrayList<>();
                List<ScheduledAction> got;
                while (!(got = on.claimDue(now, node, now.plus(LEASE), 7)).isEmpty()) {
                    mine.addAll(ids(got));
                }
                return mine;
            });
        }
        List<Object> results = ContractSupport.together(nodes);
        List<String> claimed = new ArrayList<>();
        for (Object r : results) {
            assertThat(r).isInstanceOf(List.class);
            for (Object id : (List<?>) r) {
                claimed.add((String) id);
            }
        }
        assertThat(claimed).doesNotHaveDuplicates();
        assertThat(new HashSet<>(claimed)).isEqualTo(Set.copyOf(all));
    }
}
