package org.mianzheng.bench;

import java.nio.file.Path;
import java.util.List;
import org.mianzheng.api.UsageReport;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.supervision.SupervisionExports;

/**
 * Writes the March 2026 usage report of {@link SupervisionData} (HTML, JSON, CSV) to a directory, and prints how long
 * generating the data and the report took: a single-shot measurement and the source of the screenshot in
 * {@code docs/supervision-report.png}.
 *
 * <pre>
 * java -Xmx6g -cp mianzheng-bench/target/benchmarks.jar org.mianzheng.bench.SupervisionSample 1000000 target/sample
 * </pre>
 */
public final class SupervisionSample {
    private SupervisionSample() {
    }

    /**
     * @param args number of events (default 20,000), output directory (default {@code mianzheng-output}), how many more
     *             times to make the report (default 0; each is timed)
     */
    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "mianzheng-output");
        long t0 = System.nanoTime();
        SupervisionData data = new SupervisionData(events, 20260301L);
        long t1 = System.nanoTime();
        try (Mianzheng mz = data.engine()) {
            UsageReport r = mz.supervision().report(SupervisionData.MARCH, null, "sup");
            long t2 = System.nanoTime();
            int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 0;
            for (int i = 0; i < repeat; i++) {
                long a = System.nanoTime();
                mz.supervision().report(SupervisionData.MARCH, null, "sup");
                System.out.printf("report again: %d ms%n", (System.nanoTime() - a) / 1_000_000);
            }
            List<Path> files = SupervisionExports.writeUsageReport(r, dir, "usage-report-2026-03");
            long t3 = System.nanoTime();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("%d events generated in %d ms; report in %d ms; exports in %d ms; heap used %d MB of %d MB max%n", data.audit.size(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (rt.totalMemory() - rt.freeMemory()) >> 20,
                    rt.maxMemory() >> 20);
            System.out.println("exemption " + r.totals().exemption() + ", directed compliance " + r.totals().directed().compliance());
            files.forEach(p -> System.out.println(p.toAbsolutePath()));
        }
    }
}
