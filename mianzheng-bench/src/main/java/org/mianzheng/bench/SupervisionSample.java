package org.mianzheng.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.UsageReport;
import org.mianzheng.api.spi.AuditStore;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.supervision.SupervisionExports;

/**
 * Writes the March 2026 usage report of {@link SupervisionData} (HTML, JSON, CSV) to a directory and measures it in
 * one shot: the time of the first (cold) report and of later ones, the bytes one report allocates
 * ({@code ThreadMXBean}), and, in one more (untimed) report, its working set — the heap it holds at its peak,
 * measured as used heap after a full GC taken <em>inside</em> the report, at the moment it has read the period's last
 * page (every case, order and complaint of the month tracked), minus the same measure just before the report. It is also the source of the
 * screenshot in {@code docs/supervision-report.png}.
 *
 * <pre>
 * mvn -B -q -pl mianzheng-bench -am package -DskipTests
 * java -Xmx6g -Xms6g -cp mianzheng-bench/target/benchmarks.jar org.mianzheng.bench.SupervisionSample 1000000 target/sample 5
 * </pre>
 */
public final class SupervisionSample {
    private SupervisionSample() {
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Delegates to the generated store; measures the heap once, when a page reaches the last generated event. */
    static final class ProbingStore implements AuditStore {
        private final AuditStore delegate;
        private final long lastSequence;
        volatile long peakUsed = -1;
        volatile boolean armed;

        ProbingStore(AuditStore delegate, long lastSequence) {
            this.delegate = delegate;
            this.lastSequence = lastSequence;
        }

        @Override
        public void append(List<AuditEvent> events) {
            delegate.append(events);
        }

        @Override
        public Optional<AuditEvent> last() {
            return delegate.last();
        }

        @Override
        public List<AuditEvent> read(long fromSequence, int limit) {
            List<AuditEvent> page = delegate.read(fromSequence, limit);
            if (armed && peakUsed < 0 && limit > 1 && !page.isEmpty() && page.get(page.size() - 1).sequence() >= lastSequence) {
                peakUsed = usedAfterGc();
            }
            return page;
        }
    }

    /**
     * @param args number of events (default 20,000), output directory (default {@code mianzheng-output}), how many more
     *             times to make the report (default 0; each is timed)
     */
    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "mianzheng-output");
        int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        long t0 = System.nanoTime();
        SupervisionData data = new SupervisionData(events, 20260301L);
        long t1 = System.nanoTime();
        ProbingStore probe = new ProbingStore(data.audit, data.audit.last().orElseThrow().sequence());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Mianzheng mz = data.engine(probe)) {
            long storeHeap = usedAfterGc();
            long a0 = threads.getCurrentThreadAllocatedBytes();
            long r0 = System.nanoTime();
            UsageReport r = mz.supervision().report(SupervisionData.MARCH, null, "sup");
            long r1 = System.nanoTime();
            long allocated = threads.getCurrentThreadAllocatedBytes() - a0;
            System.out.printf("%d events generated in %d ms; heap %d MB with the events stored%n", data.audit.size(), (t1 - t0) / 1_000_000,
                    storeHeap >> 20);
            System.out.printf("first report: %d ms, %d MB allocated%n", (r1 - r0) / 1_000_000, allocated >> 20);
            for (int i = 0; i < repeat; i++) {
                long b0 = threads.getCurrentThreadAllocatedBytes();
                long s = System.nanoTime();
                mz.supervision().report(SupervisionData.MARCH, null, "sup");
                System.out.printf("report again: %d ms, %d MB allocated%n", (System.nanoTime() - s) / 1_000_000,
                        (threads.getCurrentThreadAllocatedBytes() - b0) >> 20);
            }
            long before = usedAfterGc();
            probe.armed = true;
            mz.supervision().report(SupervisionData.MARCH, null, "sup");
            System.out.printf("working set of a report at its peak (all of the month's cases, orders, complaints tracked): %d MB%n",
                    (probe.peakUsed - before) >> 20);
            List<Path> files = SupervisionExports.writeUsageReport(r, dir, "usage-report-2026-03");
            var t = r.totals();
            System.out.printf("%d cases, %d retrievals, exemption %s, directed %d (compliance %s, P50 %s, P90 %s), %d violations, %d complaints%n",
                    t.casesOpened(), t.retrievals().total(), t.exemption(), t.directed().created(), t.directed().compliance(),
                    t.directed().responseP50(), t.directed().responseP90(), t.violations().total(), t.complaints().received());
            files.forEach(p -> System.out.println(p.toAbsolutePath()));
        }
    }
}
