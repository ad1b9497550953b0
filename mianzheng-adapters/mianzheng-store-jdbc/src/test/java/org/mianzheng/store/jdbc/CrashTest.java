package org.mianzheng.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Notification;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.core.Mianzheng;

/**
 * Kills the engine with SIGKILL in the middle of its work on the H2 file store, restarts on the same store: every
 * acknowledged audit event and order is there, nothing is duplicated, the chain verifies, and the overdue actions fire
 * once, marked late.
 */
class CrashTest {
    private static final Duration BOUND = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void acknowledgedWorkSurvivesSigkill() throws Exception {
        Instant start = EngineFixture.shanghai(2026, 3, 2, 10, 0);
        Path err = dir.resolve("child.err");
        Path db = dir.resolve("db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                db.toString(), Long.toString(start.toEpochMilli())).redirectError(err.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            } catch (java.io.IOException ignored) {
                // the child was killed
            }
            lines.add("EOF");
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();

        List<String> orders = new ArrayList<>();
        Map<Long, String> audit = new LinkedHashMap<>();
        long deadline = System.nanoTime() + BOUND.toNanos();
        try {
            while (orders.size() < 25) {
                String l = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (l == null || l.equals("EOF")) {
                    throw new AssertionError("the child stopped or stalled after " + orders.size() + " orders: " + Files.readString(err));
                }
                record(l, orders, audit);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL, in the middle of the next case
            assertThat(child.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the child is gone").isTrue();
        }
        reader.join(BOUND.toMillis());
        for (String l; (l = lines.poll()) != null; ) { // what it printed before it died was acknowledged too
            record(l, orders, audit);
        }
        assertThat(child.exitValue()).as("killed, not exited").isNotZero();

        MovableClock clock = new MovableClock(start.plus(Duration.ofHours(4)));
        List<Notification> sent = new CopyOnWriteArrayList<>();
        try (JdbcStores stores = JdbcStores.h2(db); Mianzheng mz = EngineFixture.engine(stores, clock, sent::add, EngineFixture.manualSweep())) {
            for (String id : orders) {
                assertThat(mz.workOrders().find(id)).as("acknowledged order " + id).isPresent();
            }
            for (Map.Entry<Long, String> e : audit.entrySet()) {
                List<AuditEvent> stored = stores.auditStore().read(e.getKey(), 1);
                assertThat(stored).as("acknowledged audit event " + e.getKey()).hasSize(1);
                assertThat(stored.get(0).hash()).isEqualTo(e.getValue());
            }
            assertThat(mz.audit().verify().ok()).as("chain intact after the crash").isTrue();
            List<WorkOrder> open = stores.workOrderStore().open();
            assertThat(open).extracting(WorkOrder::id).containsAll(orders).doesNotHaveDuplicates();
            long createdEvents = 0;
            for (AuditEvent e : stores.auditStore().read(1, Integer.MAX_VALUE)) {
                if (e.type() == AuditType.WORK_ORDER && "CREATED".equals(e.detail().get("event"))) {
                    createdEvents++;
                }
            }
            assertThat(createdEvents).as("each order created once (the kill may fall between audit and insert)").isBetween((long) open.size(), open.size() + 1L);
            int fired = mz.workOrders().runDueActions();
            assertThat(fired).isEqualTo(6 * open.size());
            assertThat(sent).hasSize(fired).allSatisfy(n -> assertThat(n.late()).isTrue());
            assertThat(sent).extracting(Notification::id).doesNotHaveDuplicates();
            assertThat(mz.workOrders().runDueActions()).as("once").isZero();
            assertThat(mz.audit().verify().ok()).isTrue();
        }
    }

    private static void record(String l, List<String> orders, Map<Long, String> audit) {
        if (l.startsWith("ORDER ")) {
            orders.add(l.substring(6));
        } else if (l.startsWith("AUDIT ")) {
            String[] p = l.split(" ");
            audit.put(Long.parseLong(p[1]), p[2]);
        }
    }
}
