package org.mianzheng.tck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.spi.LicenseSource;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.Timeouts;
import org.mianzheng.simulator.SampleLicense;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.simulator.SimulatorConfig;

/**
 * Load-test kit for a platform client against the simulator with 50 ms latency per call: 1,000 concurrent
 * retrievals, all answered, no thread growth, connections bounded by the client's concurrency limit, nothing left in
 * flight; prints throughput and latency percentiles (figures in docs/BENCHMARKS.md, "Platform adapters"). An
 * adapter's load test extends it and supplies the client.
 *
 * @param <C> the client under load
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SimulatorLoadKit<C extends LicenseSource> {
    /** Retrievals per burst. */
    protected static final int RETRIEVALS = 1000;
    /** The client's concurrency limit. */
    protected static final int MAX_CONCURRENT = 200;
    /** The simulated latency of each platform call. */
    protected static final Duration LATENCY = Duration.ofMillis(50);
    private Simulator sim;
    private ExecutorService executor;
    private C client;
    private LicenseQuery query;

    /** For subclasses. */
    protected SimulatorLoadKit() {
    }

    /**
     * The platform's name in the printed figures.
     *
     * @return the name, e.g. {@code cityhub}
     */
    protected abstract String platform();

    /**
     * How many platform calls one retrieval makes, each waiting {@link #LATENCY}.
     *
     * @return the number of calls
     */
    protected abstract int callsPerRetrieval();

    /**
     * The configuration of the platform under load, before the kit adds its settings.
     *
     * @param sim the running simulator
     * @return the configuration builder (URL and credentials) of the platform under load
     */
    protected abstract PlatformConfig.Builder config(Simulator sim);

    /**
     * Creates the client under load.
     *
     * @param config the configuration, with the kit's timeouts, concurrency limit and executor
     * @return the client under load
     */
    protected abstract C create(PlatformConfig config);

    /**
     * The license every retrieval asks for.
     *
     * @param sim the running simulator
     * @return the license every retrieval asks for
     */
    protected abstract SampleLicense license(Simulator sim);

    /**
     * Requests of the client still in flight.
     *
     * @param client the client under load
     * @return how many of its requests are in flight
     */
    protected abstract int inFlight(C client);

    @BeforeAll
    void start() {
        sim = Simulator.start(SimulatorConfig.builder().latency(LATENCY).threads(8).build());
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "load-client");
            t.setDaemon(true);
            return t;
        });
        ((ThreadPoolExecutor) executor).prestartAllCoreThreads();
        PlatformConfig config = config(sim)
                .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .maxConcurrentRequests(MAX_CONCURRENT).executor(executor).build();
        client = create(config);
        SampleLicense l = license(sim);
        query = new LicenseQuery("load", l.holder().id(), l.holder().name(), l.typeCode(), "ITEM-001", "BIZ-LOAD", "clerk-1", "win-1", "负载测试", false);
        for (int i = 0; i < 3; i++) {
            run(RETRIEVALS); // warm-up: JIT, connection pool, simulator threads
        }
    }

    @AfterAll
    void stop() {
        sim.close();
        executor.shutdownNow();
    }

    /** Fires n retrievals at once; returns each one's latency in microseconds, sorted. */
    long[] run(int n) {
        List<CompletableFuture<Long>> all = new ArrayList<>(n);
        AtomicInteger notFound = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            all.add(client.retrieve(query).toCompletableFuture().thenApply(r -> {
                if (r.outcome() != SourceOutcome.FOUND) {
                    notFound.incrementAndGet();
                    throw new AssertionError("retrieval answered " + r);
                }
                return (System.nanoTime() - t0) / 1000;
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(notFound).hasValue(0);
        long[] us = all.stream().mapToLong(CompletableFuture::join).toArray();
        Arrays.sort(us);
        return us;
    }

    /** Threads started by the JVM so far (java.management, read reflectively: the test module does not require it). */
    static long startedThreads() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            java.lang.reflect.Method m = Class.forName("java.lang.management.ThreadMXBean").getMethod("getTotalStartedThreadCount");
            return (Long) m.invoke(bean);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    @Test
    void thousandConcurrentRetrievalsLeakNothing() {
        int threadsBefore = Thread.getAllStackTraces().size();
        long startedBefore = startedThreads();
        long t0 = System.nanoTime();
        long[] first = run(RETRIEVALS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int connectionsAfterFirst = sim.openConnections();
        long[] second = run(RETRIEVALS);
        int connectionsAfterSecond = sim.openConnections();
        int threadsAfter = Thread.getAllStackTraces().size();
        long started = startedThreads() - startedBefore;

        System.out.printf("LOAD " + platform() + ": %d concurrent retrievals, %d in flight max, latency %d ms: %.2f s, %.0f retrievals/s; "
                        + "latency p50 %.1f ms p99 %.1f ms max %.1f ms; second run p50 %.1f p99 %.1f ms; live threads %d -> %d, %d started; connections %d -> %d; ForkJoinPool parallelism %d%n",
                RETRIEVALS, MAX_CONCURRENT, LATENCY.toMillis(), seconds, RETRIEVALS / seconds, pct(first, 50) / 1e3, pct(first, 99) / 1e3,
                first[first.length - 1] / 1e3, pct(second, 50) / 1e3, pct(second, 99) / 1e3, threadsBefore, threadsAfter, started,
                connectionsAfterFirst, connectionsAfterSecond, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());

        assertThat(inFlight(client)).isZero();
        if (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() >= 2 && started >= 0) {
            assertThat(started).as("threads started during two bursts of %d", RETRIEVALS).isLessThanOrEqualTo(10);
        }
        assertThat(threadsAfter).as("live threads after two bursts of %d", RETRIEVALS).isLessThanOrEqualTo(threadsBefore + 2);
        if (connectionsAfterFirst >= 0) {
            assertThat(connectionsAfterFirst).isLessThanOrEqualTo(MAX_CONCURRENT + 1);
            assertThat(connectionsAfterSecond).as("connections are reused, not accumulated").isLessThanOrEqualTo(MAX_CONCURRENT + 1);
        }
    }

    @Test
    void overheadOverTheSimulatedLatencyWithoutQueueing() {
        int calls = callsPerRetrieval();
        long[] all = new long[0];
        for (int round = 0; round < 5; round++) {
            long[] r = run(100);
            long[] merged = Arrays.copyOf(all, all.length + r.length);
            System.arraycopy(r, 0, merged, all.length, r.length);
            all = merged;
        }
        Arrays.sort(all);
        double p50 = pct(all, 50) / 1e3 - calls * LATENCY.toMillis();
        double p99 = pct(all, 99) / 1e3 - calls * LATENCY.toMillis();
        System.out.printf("LOAD " + platform() + " overhead over " + (calls == 1 ? "" : calls + " x ")
                + "%d ms (5 x 100 concurrent, no queueing): p50 %.1f ms, p99 %.1f ms%n", LATENCY.toMillis(), p50, p99);
        assertThat(pct(all, 50) / 1e3).isGreaterThanOrEqualTo(calls * LATENCY.toMillis());
        assertThat(p99).as("p99 overhead in ms").isLessThan(1000);
    }
}
