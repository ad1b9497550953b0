package org.mianzheng.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.Origin;
import org.mianzheng.api.Role;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.WorkOrderKind;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.api.spi.Notifier;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.store.InMemoryWorkOrderStore;
import org.mianzheng.core.workorders.SlaSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of tracking many open work orders: an engine starts on an in-memory store of {@code orders} open orders
 * inserted without a schedule (it schedules them into the store), then one sweep sends the {@code due} warnings that
 * have fallen due (each notified, recorded in the outbox and audited). The setup prints the retained heap per
 * tracked order — the orders and their schedule in the store, and what a second engine on the same store holds —
 * measured as used heap after GC before and after each step.
 *
 * <pre>
 * mvn -B -q -pl mianzheng-bench -am package -DskipTests
 * java -Xmx6g -jar mianzheng-bench/target/benchmarks.jar WorkOrderSweepBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@State(Scope.Benchmark)
public class WorkOrderSweepBenchmark {
    /** Open orders tracked. */
    @Param({"1000000"})
    public int orders;

    /** Orders whose 50 % warning is due at the sweep. */
    @Param({"10000"})
    public int due;

    static final Instant T0 = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, Mianzheng.DEFAULT_ZONE).toInstant();
    InMemoryWorkOrderStore store;
    Mianzheng mz;
    static volatile long bytesPerOrder;

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Setup(Level.Trial)
    public void fill() {
        long before = usedAfterGc();
        store = new InMemoryWorkOrderStore();
        HolderId holder = HolderId.resident("11010519491231002X");
        for (int i = 0; i < orders; i++) {
            // the first `due` orders were created 16 minutes before the sweep (their 50 % warning is due); the rest just now
            Instant created = i < due ? T0 : T0.plus(Duration.ofMinutes(16));
            store.insert(new WorkOrder("WO-" + i, 1, WorkOrderKind.VERIFY_APPROVAL, Origin.WINDOW, Complexity.NORMAL, WorkOrderState.SUBMITTED,
                    PlanLookupBenchmark.itemCode(i % PlanLookupBenchmark.ITEMS), "B" + i, "M1", "批复1", "D" + (i % 20), holder, "张三", "clerk",
                    "办理事项", created, 1, created.plus(Duration.ofMinutes(30)), created.plus(Duration.ofMinutes(15)), false, null, null, null, null,
                    null, null, null, null, null));
        }
        long afterStore = usedAfterGc();
        buildEngine(); // schedules the orders inserted without a schedule: the actions are written into the store
        long afterSchedule = usedAfterGc();
        mz.close();
        buildEngine(); // a second engine on the same store: what an engine itself holds per open order
        long afterEngine = usedAfterGc();
        bytesPerOrder = (afterEngine - before) / orders;
        System.out.printf("%n[tracking] %d open orders: orders in the store %d B/order, their schedule in the store %d B/order, "
                        + "engine %d B/order, total %d B/order%n", orders, (afterStore - before) / orders, (afterSchedule - afterStore) / orders,
                (afterEngine - afterSchedule) / orders, bytesPerOrder);
    }

    private void buildEngine() {
        Notifier nop = n -> { };
        mz = Mianzheng.builder().clock(java.time.Clock.fixed(T0.plus(Duration.ofMinutes(16)), Mianzheng.DEFAULT_ZONE)).workOrderStore(store)
                .notifier(nop).slaSettings(SlaSettings.defaults().withSweepEvery(Duration.ZERO)).build();
        mz.catalog().file(new FilingRequest("D0", "bench", "bench", "bench", List.of(new CatalogChange.ReplaceAll(PlanLookupBenchmark.document()))));
        mz.accounts().register("sup", "督查", "D0", null, Set.of(Role.SUPERVISOR), "admin", "bureau");
    }

    /** A fresh outbox per iteration, so that every iteration sends the same {@code due} notifications. */
    @Setup(Level.Iteration)
    public void freshOutbox() {
        if (mz != null) {
            mz.close();
        }
        InMemoryWorkOrderStore fresh = new InMemoryWorkOrderStore();
        for (WorkOrder o : store.open()) {
            fresh.insert(o);
        }
        store = fresh;
        buildEngine();
    }

    @Benchmark
    public int sweep() {
        int sent = mz.workOrders().runDueActions();
        if (sent != due) {
            throw new IllegalStateException("expected " + due + " notifications, sent " + sent);
        }
        return sent;
    }

    @TearDown
    public void close() {
        mz.close();
    }
}
