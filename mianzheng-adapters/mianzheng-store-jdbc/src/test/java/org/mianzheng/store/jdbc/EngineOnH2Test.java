package org.mianzheng.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.Notification;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.audit.AuditChain;

/** The engine on the embedded H2 store: a working day, a restart, group-committed audit appends. */
class EngineOnH2Test {
    @TempDir
    Path dir;

    @Test
    void everythingSurvivesARestartAndNoticesGoOutOnce() throws Exception {
        MovableClock clock = new MovableClock(EngineFixture.shanghai(2026, 3, 2, 10, 0));
        List<Notification> sent = new CopyOnWriteArrayList<>();
        WorkOrder order;
        long head;
        try (JdbcStores stores = JdbcStores.h2(dir); Mianzheng mz = EngineFixture.engine(stores, clock, sent::add, EngineFixture.manualSweep())) {
            assertThat(stores.schemaVersion()).isEqualTo(SchemaMigrator.CURRENT_VERSION);
            EngineFixture.setUp(mz);
            Case c = EngineFixture.caseWithConsent(mz, "B1");
            RetrievalResult r = mz.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(r.channel()).isEqualTo("onewindow");
            order = mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
            clock.advance(Duration.ofMinutes(16));
            assertThat(mz.workOrders().runDueActions()).isEqualTo(1);
            head = mz.audit().head().sequence();
        }
        clock.advance(Duration.ofHours(3));
        try (JdbcStores stores = JdbcStores.h2(dir); Mianzheng mz = EngineFixture.engine(stores, clock, sent::add, EngineFixture.manualSweep())) {
            EngineFixture.setUp(mz); // nothing to do: the accounts are stored
            assertThat(mz.catalog().plan("ZJ001", clock.instant()).material("PF")).isPresent();
            assertThat(mz.cases().find("B1")).isPresent();
            assertThat(mz.consents().forCase("B1")).hasSize(1);
            assertThat(mz.workOrders().find(order.id())).contains(order);
            assertThat(mz.audit().head().sequence()).isEqualTo(head);
            assertThat(mz.workOrders().runDueActions()).as("the rest, once, after the restart").isEqualTo(5);
            assertThat(mz.workOrders().runDueActions()).isZero();
            assertThat(sent).extracting(Notification::id).doesNotHaveDuplicates().hasSize(6);
            assertThat(sent.subList(1, 6)).allSatisfy(n -> assertThat(n.late()).isTrue());
            WorkOrder done = mz.workOrders().complete(order.id(), "verifier-scjgj", EngineFixture.PDF);
            assertThat(done.state()).isEqualTo(WorkOrderState.COMPLETED);
            assertThat(mz.workOrders().find(order.id())).contains(done);
            assertThat(mz.audit().verify().ok()).isTrue();
            List<AuditEvent> events = mz.audit().read(1, 10_000, "sup", "检查");
            assertThat(events.stream().filter(e -> e.type() == AuditType.SLA_NOTICE)).hasSize(6);
        }
    }

    @Test
    void concurrentAppendsAreGroupCommitted() throws Exception {
        try (JdbcStores stores = JdbcStores.h2(dir)) {
            AuditChain chain = new AuditChain(java.time.Clock.systemUTC(), stores.auditStore());
            int threads = 8;
            int each = 150;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int tt = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        chain.append(AuditType.RETRIEVAL, "clerk" + tt, "B" + i, null, java.util.Map.of("i", Integer.toString(i)));
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(chain.head().sequence()).isEqualTo(threads * each);
            assertThat(chain.verify().ok()).isTrue();
            long[] stats = chain.writeStatistics();
            assertThat(stats[0]).as("store calls").isLessThan(threads * each);
        }
    }
    @Test
    void anEmbeddedH2FileIsNotFollowedAnH2ServerIs() throws Exception {
        try (JdbcStores stores = JdbcStores.h2(dir)) {
            assertThat(stores.auditStore().sharedWithOtherEngines()).as("one process owns an embedded file").isFalse();
            try (Mianzheng mz = stores.applyTo(Mianzheng.builder()).build()) {
                assertThat(mz.internals().followEvery()).isZero();
            }
        }
        org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
                dir.resolve("served").toString()).start();
        org.h2.jdbcx.JdbcConnectionPool served = org.h2.jdbcx.JdbcConnectionPool.create("jdbc:h2:tcp://localhost:" + server.getPort() + "/m",
                "sa", "");
        try (JdbcStores stores = JdbcStores.of(served, Dialect.H2, SchemaMigrator.Mode.MIGRATE)) {
            assertThat(stores.auditStore().sharedWithOtherEngines()).as("a server lets other processes in").isTrue();
        } finally {
            served.dispose();
            server.stop();
        }
        assertThat(new JdbcAuditStore(null).sharedWithOtherEngines()).as("unless told, a database may be shared").isTrue();
    }
}
