package org.mianzheng.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.Notification;
import org.mianzheng.api.Origin;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.WorkOrderKind;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.api.spi.WorkOrderStore;
import org.mianzheng.api.spi.WorkOrderStore.ScheduledAction;
import org.mianzheng.store.jdbc.JdbcStores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Work-order due actions claimed and completed per second on PostgreSQL ({@code synchronous_commit=on}), several
 * threads standing for several nodes: {@code store} = {@link WorkOrderStore#claimDue} (a {@code SELECT ... FOR UPDATE
 * SKIP LOCKED} claim with a lease, one transaction) followed by {@link WorkOrderStore#markSent} of the claimed actions
 * (one transaction), 100 actions per operation; {@code raw} = the hand-written queue baseline in the same run, one
 * statement {@code UPDATE ... SET sent_at_ns WHERE id IN (SELECT ... LIMIT 100 FOR UPDATE SKIP LOCKED)} with no lease.
 * Scores are actions per second. Each iteration starts with {@code actions} due actions.
 *
 * <pre>
 * mvn -B -q -pl mianzheng-bench -am package -DskipTests
 * java -jar mianzheng-bench/target/benchmarks.jar WorkOrderClaimBenchmark -t 4
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class WorkOrderClaimBenchmark {
    static final int CLAIM = 100;
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    /** Implementation. */
    @Param({"store", "raw"})
    public String impl;

    /** Due actions at the start of each iteration. */
    @Param({"200000"})
    public int actions;

    JdbcConnectionPool pool;
    JdbcStores stores;
    WorkOrderStore store;
    int iteration;

    @Setup(Level.Trial)
    public void open() {
        pool = BenchDatabases.postgres(32);
        stores = JdbcStores.postgres(pool);
        store = stores.workOrderStore();
    }

    /** Fills the schedule: {@code actions / 4} orders with 4 due actions each. */
    @Setup(Level.Iteration)
    public void fill() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE mz_notification, mz_work_order");
        }
        iteration++;
        HolderId holder = HolderId.resident("11010519491231002X");
        List<WorkOrder> orders = new ArrayList<>();
        List<ScheduledAction> plan = new ArrayList<>();
        for (int i = 0; i < actions / 4; i++) {
            String id = "WO-" + iteration + "-" + i;
            orders.add(new WorkOrder(id, 1, WorkOrderKind.VERIFY_APPROVAL, Origin.WINDOW, Complexity.NORMAL, WorkOrderState.SUBMITTED, "ZJ001",
                    "B" + i, "PF", "规划批复", "SCJGJ", holder, "张三", "clerk1", "办理", T0, 1, T0.plus(Duration.ofMinutes(30)),
                    T0.plus(Duration.ofMinutes(15)), false, null, null, null, null, null, null, null, null, null));
            for (int a = 0; a < 4; a++) {
                plan.add(new ScheduledAction(id + ":a" + a + ":1", id, "a" + a, T0.plus(Duration.ofMinutes(10L * a)), Notification.Kind.WARNING,
                        Notification.Recipient.HANDLER));
            }
        }
        // bulk load through one connection (the store's insert is per order)
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_work_order (id, version, kind, origin, complexity, state, is_open, item_code, "
                    + "biz_no, material_code, material_name, to_department, applicant_id_type, applicant_id, applicant_name, requested_by, purpose, "
                    + "created_at_ns, rule_version, answer_due_ns, return_due_ns, provisional) VALUES (?, 1, 'VERIFY_APPROVAL', 'WINDOW', 'NORMAL', "
                    + "'SUBMITTED', TRUE, 'ZJ001', 'B', 'PF', '规划批复', 'SCJGJ', 'RESIDENT_IDENTITY_NUMBER', '11010519491231002X', '张三', 'clerk1', "
                    + "'办理', 0, 1, 0, 0, FALSE)")) {
                for (WorkOrder o : orders) {
                    p.setString(1, o.id());
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        }
        for (int i = 0; i < plan.size(); i += 10_000) {
            store.schedule(plan.subList(i, Math.min(plan.size(), i + 10_000)));
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE mz_notification");
        }
    }

    @Benchmark
    @OperationsPerInvocation(CLAIM)
    public int claimAndComplete() throws SQLException {
        Instant now = T0.plus(Duration.ofHours(1));
        if (impl.equals("store")) {
            String node = Thread.currentThread().getName();
            List<ScheduledAction> got = store.claimDue(now, node, now.plus(Duration.ofMinutes(2)), CLAIM);
            if (got.size() < CLAIM) {
                throw new IllegalStateException("schedule exhausted: raise -p actions");
            }
            Set<String> done = store.markSent(got.stream().map(ScheduledAction::notificationId).toList(), now);
            return done.size();
        }
        try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement("UPDATE mz_notification SET sent_at_ns = ? WHERE id IN "
                + "(SELECT id FROM mz_notification WHERE sent_at_ns IS NULL AND due_at_ns IS NOT NULL AND due_at_ns <= ? ORDER BY due_at_ns, id "
                + "LIMIT " + CLAIM + " FOR UPDATE SKIP LOCKED)")) {
            p.setLong(1, 1L);
            p.setLong(2, Long.MAX_VALUE);
            int n = p.executeUpdate();
            if (n < CLAIM) {
                throw new IllegalStateException("schedule exhausted: raise -p actions");
            }
            return n;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        stores.close();
        pool.dispose();
        BenchDatabases.stop();
    }
}
