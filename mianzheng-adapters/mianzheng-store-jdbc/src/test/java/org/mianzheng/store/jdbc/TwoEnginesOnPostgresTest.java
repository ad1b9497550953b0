package org.mianzheng.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.Notification;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.spi.Notifier;
import org.mianzheng.core.Mianzheng;

/**
 * Two engines (as two processes would) on one PostgreSQL database: one linear audit chain with two writers, orders
 * created on either node swept by either node, and each of 10,000 orders' due actions notified exactly once.
 */
class TwoEnginesOnPostgresTest {
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** Counts deliveries per notification id, for both nodes. */
    static final class Counting implements Notifier {
        final Map<String, AtomicInteger> byId;
        final AtomicInteger mine = new AtomicInteger();

        Counting(Map<String, AtomicInteger> byId) {
            this.byId = byId;
        }

        @Override
        public void send(Notification n) {
            byId.computeIfAbsent(n.id(), k -> new AtomicInteger()).incrementAndGet();
            mine.incrementAndGet();
        }
    }

    Mianzheng node(String schema, MovableClock clock, Notifier notifier) {
        JdbcConnectionPool pool = Pg.pool(schema, 8);
        open.add(pool::dispose);
        JdbcStores stores = JdbcStores.postgres(pool);
        Mianzheng mz = EngineFixture.engine(stores, clock, notifier, EngineFixture.manualSweep().withClaims(Duration.ofMinutes(2), 100));
        open.add(mz);
        return mz;
    }

    static String newSchema() {
        JdbcConnectionPool p = Pg.freshSchema(1);
        try (var c = p.getConnection()) {
            return c.getSchema();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            p.dispose();
        }
    }

    /** Writes orders as an older version (or an import) would: without a schedule; the engines schedule them at start. */
    static void importUnscheduled(String schema, int n, java.time.Instant created) throws java.sql.SQLException {
        JdbcConnectionPool raw = Pg.pool(schema, 1);
        try (java.sql.Connection c = raw.getConnection();
             java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO mz_work_order (" + JdbcWorkOrderStore.COLUMNS + ") VALUES ("
                     + "?, ".repeat(31) + "?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                JdbcWorkOrderStore.bind(p, org.mianzheng.tck.StoreSamples.order("IMP-" + i, created));
                p.addBatch();
            }
            p.executeBatch();
            c.commit();
        } finally {
            raw.dispose();
        }
    }

    @Test
    void tenThousandOrdersDueActionsAreNotifiedExactlyOnceByTwoNodes() throws Exception {
        String schema = newSchema();
        java.time.Instant ten = EngineFixture.shanghai(2026, 3, 2, 10, 0);
        MovableClock clock = new MovableClock(ten);
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        Counting notifierA = new Counting(deliveries);
        Counting notifierB = new Counting(deliveries);
        try (Mianzheng setup = node(schema, clock, n -> { })) { // the catalog and accounts, filed before the nodes start
            EngineFixture.setUp(setup);
            EngineFixture.caseWithConsent(setup, "B1");
        }
        int imported = 9_800;
        importUnscheduled(schema, imported, ten);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // both nodes start at once and schedule the imported orders (insert-if-absent: each action once)
            Future<Mianzheng> fa = pool.submit(() -> node(schema, clock, notifierA));
            Future<Mianzheng> fb = pool.submit(() -> node(schema, clock, notifierB));
            Mianzheng a = fa.get(2, TimeUnit.MINUTES);
            Mianzheng b = fb.get(2, TimeUnit.MINUTES);
            Case c = a.cases().find("B1").orElseThrow();
            // orders created on either node after both started (their audit appends interleave on one chain)
            long t0 = System.nanoTime();
            List<Future<List<String>>> created = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Mianzheng mz = t % 2 == 0 ? a : b;
                created.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        ids.add(mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL).id());
                    }
                    return ids;
                }));
            }
            Set<String> ids = new HashSet<>();
            for (Future<List<String>> f : created) {
                ids.addAll(f.get(2, TimeUnit.MINUTES));
            }
            int orders = imported + ids.size();
            assertThat(orders).isEqualTo(10_000);
            // 16 minutes later every order's 50 % warning is due; both nodes sweep at once
            clock.advance(Duration.ofMinutes(16));
            t0 = System.nanoTime();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (Mianzheng mz : List.of(a, b)) {
                sweeps.add(pool.submit((Callable<Integer>) () -> {
                    go.await();
                    int n = 0;
                    int got;
                    while ((got = mz.workOrders().runDueActions()) > 0) {
                        n += got;
                    }
                    return n;
                }));
            }
            go.countDown();
            int sentByA = sweeps.get(0).get(5, TimeUnit.MINUTES);
            int sentByB = sweeps.get(1).get(5, TimeUnit.MINUTES);
            System.out.printf("[two nodes] %d notifications swept in %d ms (A %d, B %d); audit batches/conflicts of A %s%n", sentByA + sentByB,
                    (System.nanoTime() - t0) / 1_000_000, sentByA, sentByB, java.util.Arrays.toString(a.internals().audit().writeStatistics()));
            assertThat(deliveries).hasSize(orders);
            assertThat(deliveries.values()).allSatisfy(n -> assertThat(n.get()).as("each notification once").isEqualTo(1));
            assertThat(deliveries.keySet()).allMatch(id -> id.contains(":warn-50:"));
            assertThat(sentByA + sentByB).isEqualTo(orders);
            assertThat(notifierA.mine.get()).as("node A swept too").isPositive();
            assertThat(notifierB.mine.get()).as("node B swept too").isPositive();
            assertThat(deliveries.keySet().stream().map(id -> id.substring(0, id.indexOf(':')))).containsAll(ids).doesNotHaveDuplicates();
            assertThat(a.workOrders().runDueActions() + b.workOrders().runDueActions()).isZero();
            // one chain, both writers' events in it, intact
            assertThat(a.audit().verify().ok()).isTrue();
            assertThat(b.audit().head()).isEqualTo(a.audit().head());
            long notices = 0;
            long createdEvents = 0;
            JdbcConnectionPool raw = Pg.pool(schema, 1);
            open.add(raw::dispose);
            JdbcAuditStore log = new JdbcAuditStore(raw);
            for (long from = 1; ; ) {
                List<AuditEvent> page = log.read(from, 10_000);
                if (page.isEmpty()) {
                    break;
                }
                for (AuditEvent e : page) {
                    notices += e.type() == AuditType.SLA_NOTICE ? 1 : 0;
                    createdEvents += e.type() == AuditType.WORK_ORDER && "CREATED".equals(e.detail().get("event")) ? 1 : 0;
                }
                from = page.get(page.size() - 1).sequence() + 1;
            }
            assertThat(notices).isEqualTo(orders);
            assertThat(createdEvents).isEqualTo(ids.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A fresh schema, node {@code a} on it with the fixture's accounts and catalog, and a case with consent. */
    record FirstNode(String schema, MovableClock clock, Map<String, AtomicInteger> deliveries, Mianzheng a, Case c) {
    }

    FirstNode firstNodeWithACase() {
        String schema = newSchema();
        MovableClock clock = new MovableClock(EngineFixture.shanghai(2026, 3, 2, 10, 0));
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        Mianzheng a = node(schema, clock, new Counting(deliveries));
        EngineFixture.setUp(a);
        return new FirstNode(schema, clock, deliveries, a, EngineFixture.caseWithConsent(a, "B1"));
    }

    @Test
    void aNodeThatDiesLeavesItsClaimsToTheOtherAfterTheLease() {
        FirstNode n = firstNodeWithACase();
        String schema = n.schema();
        MovableClock clock = n.clock();
        Map<String, AtomicInteger> deliveries = n.deliveries();
        Mianzheng a = n.a();
        WorkOrder o = a.workOrders().request(n.c().bizNo(), "PF", "clerk1", Complexity.NORMAL);
        Mianzheng b = node(schema, clock, new Counting(deliveries));
        clock.advance(Duration.ofMinutes(16));
        // a node claims the warning and dies before sending it
        JdbcConnectionPool raw = Pg.pool(schema, 1);
        open.add(raw::dispose);
        JdbcWorkOrderStore store = new JdbcWorkOrderStore(raw, Dialect.POSTGRESQL);
        assertThat(store.claimDue(clock.instant(), "dead-node", clock.instant().plus(Duration.ofMinutes(2)), 10)).hasSize(1);
        assertThat(b.workOrders().runDueActions()).as("held by the dead node's lease").isZero();
        clock.advance(Duration.ofMinutes(3));
        assertThat(b.workOrders().runDueActions()).as("taken over after the lease").isEqualTo(1);
        assertThat(a.workOrders().runDueActions()).isZero();
        assertThat(deliveries).containsOnlyKeys(o.id() + ":warn-50:" + o.answerDueAt().toEpochMilli());
    }

    @Test
    void aRevocationAndADeregistrationOnOneNodeReachTheOther() {
        FirstNode n = firstNodeWithACase();
        Mianzheng a = n.a();
        Case c = n.c();
        Mianzheng b = node(n.schema(), n.clock(), new Counting(n.deliveries()));
        assertThat(b.internals().followEvery()).as("a database is shared: followed by default").isEqualTo(Mianzheng.DEFAULT_FOLLOW_CHANGES);
        assertThat(b.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture().join().license()).isNotNull();
        assertThat(b.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture().join().fromCache()).isTrue();

        String consent = a.consents().forCase(c.bizNo()).get(0).id();
        a.consents().revoke(consent, "clerk1", "申请人撤回授权");
        b.internals().followChanges(); // what b's timer does every 5 s (it may have done it already)
        assertThatThrownBy(() -> b.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture().join())
                .extracting(t -> t instanceof java.util.concurrent.CompletionException ? t.getCause() : t)
                .isInstanceOfSatisfying(org.mianzheng.api.AccessDeniedException.class,
                        e -> assertThat(e.kind()).isEqualTo(org.mianzheng.api.ViolationKind.CONSENT_REVOKED));

        assertThat(b.accounts().find("clerk1").orElseThrow().active()).isTrue();
        a.accounts().deregister("clerk1", "admin1", "市行政审批和政务服务局", "离职");
        b.internals().followChanges();
        assertThat(b.accounts().find("clerk1").orElseThrow().active()).isFalse();
        assertThat(b.audit().verify().ok()).isTrue();
    }
}
