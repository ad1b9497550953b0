package org.mianzheng.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.UsageReport;
import org.mianzheng.core.Mianzheng;
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
 * The monthly usage report (Art. 18) over {@code events} audit events of March 2026 ({@link SupervisionData}: 8
 * departments, 48 clerks, licence retrievals, directed requests, violations, complaints), in one shot, beside the raw
 * baseline in the same run: {@code scan} reads the same events page by page from the store and counts them by type
 * (the floor of any streaming report); {@code report} is {@code mz.supervision().report(month, null, "sup")} — stream,
 * figures for every dimension, catalog and account look-ups, the JSON digest and the audit event. The setup prints
 * the heap the stored events take; {@code -prof gc} gives the bytes a report allocates.
 *
 * <pre>
 * mvn -B -q -pl mianzheng-bench -am package -DskipTests
 * java -jar mianzheng-bench/target/benchmarks.jar SupervisionReportBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms6g"})
@State(Scope.Benchmark)
public class SupervisionReportBenchmark {
    /** Audit events in the month. */
    @Param({"1000000"})
    public int events;

    /** {@code scan}: raw page-by-page read; {@code report}: the usage report. */
    @Param({"scan", "report"})
    public String impl;

    SupervisionData data;
    Mianzheng mz;

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Setup(Level.Trial)
    public void fill() {
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        data = new SupervisionData(events, 20260301L);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        long after = usedAfterGc();
        mz = data.engine();
        if (impl.equals("report")) {
            UsageReport r = mz.supervision().report(SupervisionData.MARCH, null, "sup");
            var t = r.totals();
            System.out.printf("%n[supervision] report of %s: %d cases, %d retrievals, exemption %s, directed %d (compliance %s, P50 %s, P90 %s), "
                    + "%d violations, %d complaints; through #%d%n", SupervisionExportsBridge.days(r), t.casesOpened(), t.retrievals().total(),
                    t.exemption(), t.directed().created(), t.directed().compliance(), t.directed().responseP50(), t.directed().responseP90(),
                    t.violations().total(), t.complaints().received(), r.auditThrough().sequence());
        }
        System.out.printf("%n[supervision] %d events generated and hash-linked in %d ms; the in-memory store holds them in %d MB (%d B/event)%n",
                data.audit.size(), ms, (after - before) >> 20, (after - before) / Math.max(1, data.audit.size()));
    }

    @Benchmark
    public long run() {
        if (impl.equals("scan")) {
            long n = 0;
            long[] byType = new long[org.mianzheng.api.AuditType.values().length];
            long next = 1;
            while (true) {
                List<AuditEvent> page = data.audit.read(next, 1_000);
                if (page.isEmpty()) {
                    break;
                }
                for (AuditEvent e : page) {
                    if (SupervisionData.MARCH.contains(e.at())) {
                        byType[e.type().ordinal()]++;
                        n++;
                    }
                }
                next = page.get(page.size() - 1).sequence() + 1;
            }
            return n;
        }
        UsageReport r = mz.supervision().report(SupervisionData.MARCH, null, "sup");
        return r.totals().casesOpened();
    }

    @TearDown(Level.Trial)
    public void close() {
        mz.close();
    }

    /** Local formatting helper. */
    static final class SupervisionExportsBridge {
        private SupervisionExportsBridge() {
        }

        static String days(UsageReport r) {
            return r.period().from().atZone(r.period().zone()).toLocalDate() + ".." + r.period().to().minusNanos(1).atZone(r.period().zone())
                    .toLocalDate();
        }
    }
}
