package org.mianzheng.store.jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.mianzheng.api.AuditHead;
import org.mianzheng.api.Case;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.core.Mianzheng;

/**
 * The engine in a child JVM for {@link CrashTest}: on the H2 store in {@code args[0]}, with the clock fixed at
 * {@code args[1]} (epoch millis), it opens cases, retrieves, opens work orders, and prints what was acknowledged
 * ({@code ORDER id}, {@code AUDIT seq hash}) until it is killed. It never sweeps.
 */
public final class CrashChild {
    private CrashChild() {
    }

    /**
     * @param args directory, clock instant in epoch millis
     * @throws Exception on failure (the parent sees the exit)
     */
    public static void main(String[] args) throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(Long.parseLong(args[1])), ZoneId.of("Asia/Shanghai"));
        JdbcStores stores = JdbcStores.h2(Path.of(args[0]));
        Mianzheng mz = EngineFixture.engine(stores, clock, n -> { }, EngineFixture.manualSweep());
        EngineFixture.setUp(mz);
        System.out.println("READY");
        for (int i = 1; ; i++) {
            Case c = EngineFixture.caseWithConsent(mz, "K" + ProcessHandle.current().pid() + "-" + i);
            RetrievalResult r = mz.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture().get(10, TimeUnit.SECONDS);
            if (r.channel() == null) {
                throw new IllegalStateException("retrieval failed");
            }
            WorkOrder o = mz.workOrders().request(c.bizNo(), "PF", "clerk1", Complexity.NORMAL);
            System.out.println("ORDER " + o.id());
            AuditHead head = mz.audit().head();
            System.out.println("AUDIT " + head.sequence() + " " + head.hash());
        }
    }
}
