package org.mianzheng.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.Case;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.Holder;
import org.mianzheng.api.RetrievalOutcome;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.spi.WorkOrderStore;
import org.mianzheng.core.catalog.Fixtures;
import org.mianzheng.core.retrieval.RetrievalSettings;
import org.mianzheng.core.store.InMemoryWorkOrderStore;
import org.mianzheng.core.testing.FakeSource;
import org.mianzheng.core.workorders.SlaSettings;

/** The engine's threads keep out of each other's way. */
class EngineThreadsTest {

    /** A work-order sweep that waits on its store (or on the desk, or the notifier) does not hold up the channels' timeouts. */
    @Test
    void aSweepWaitingOnItsStoreDoesNotHoldUpChannelTimeouts() throws Exception {
        CountDownLatch inSweep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean sweepWent = new java.util.concurrent.atomic.AtomicBoolean();
        InMemoryWorkOrderStore real = new InMemoryWorkOrderStore();
        WorkOrderStore waiting = (WorkOrderStore) Proxy.newProxyInstance(WorkOrderStore.class.getClassLoader(), new Class<?>[] {WorkOrderStore.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("claimDue")) {
                        inSweep.countDown();
                        release.await(60, TimeUnit.SECONDS); // longer than the retrieval is given below
                        sweepWent.set(true);
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        FakeSource hanging = new FakeSource("onewindow").hang();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z")); // a Monday, 10:00 in Wuhai
        try (Mianzheng mz = Mianzheng.builder().clock(clock).licenseSource(hanging).workOrderStore(waiting)
                .slaSettings(SlaSettings.defaults().withSweepEvery(Duration.ofMillis(10)))
                .retrievalSettings(RetrievalSettings.defaults().withTimeouts(Duration.ofMillis(150), Duration.ofMillis(300))).build()) {
            Fixtures.loadWithAccounts(mz);
            assertThat(inSweep.await(30, TimeUnit.SECONDS)).as("the sweep is waiting on the store").isTrue();
            Case c = mz.cases().open("B1", "SC001", Holder.person("11010519491231002X", "张三"), Map.of(), "W01", "clerk1");
            mz.consents().grant(new ConsentRequest(c.bizNo(), "clerk1", Set.of("SFZ"), "办理", ConsentMethod.SIGNATURE_PAD, "sig-1",
                    "0".repeat(64), null));
            RetrievalResult r = mz.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(sweepWent).as("answered while the sweep still waits").isFalse();
            assertThat(r.outcome()).isEqualTo(RetrievalOutcome.MUST_SUBMIT);
            assertThat(r.attempts().get(0).outcome()).isEqualTo(SourceOutcome.TIMEOUT);
        } finally {
            release.countDown();
        }
    }
}
