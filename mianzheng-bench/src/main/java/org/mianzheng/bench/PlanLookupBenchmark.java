package org.mianzheng.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mianzheng.api.AdminLevel;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CatalogDocument;
import org.mianzheng.api.Department;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.ExemptionCatalog;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.api.Handling;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.Issuer;
import org.mianzheng.api.LicenseType;
import org.mianzheng.api.MaterialKind;
import org.mianzheng.api.MaterialRequirement;
import org.mianzheng.api.Plan;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.ReviewLevel;
import org.mianzheng.api.ServiceItem;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plan lookup on a catalog of 2,000 items × 10 materials, against a raw {@code HashMap.get} of the same keys.
 * Goal: the engine reaches at least 1/3 of the raw baseline's throughput and allocates 0 B/op.
 *
 * <p>Run (1 and 2 threads):
 * <pre>
 * mvn -B -q -pl mianzheng-bench -am package -DskipTests
 * java -jar mianzheng-bench/target/benchmarks.jar PlanLookupBenchmark -t 1 -prof gc
 * java -jar mianzheng-bench/target/benchmarks.jar PlanLookupBenchmark -t 2 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PlanLookupBenchmark {
    static final int ITEMS = 2_000;
    static final int MATERIALS = 10;

    /** {@code engine}: {@link ExemptionCatalog#plan(String, Instant)}; {@code raw}: {@code HashMap.get}. */
    @Param({"engine", "raw"})
    public String impl;

    ExemptionCatalog catalog;
    Map<String, Plan> raw;
    String[] keys;
    Instant asOf;
    boolean useRaw;

    /** Per-thread cursor over the keys. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;
    }

    @Setup(Level.Trial)
    public void setUp() {
        Instant t0 = Instant.parse("2026-01-05T01:00:00Z");
        Mianzheng mz = Mianzheng.builder().clock(Clock.fixed(t0, Mianzheng.DEFAULT_ZONE)).build();
        mz.catalog().file(new FilingRequest("D0", "bench", "bench", "bench", List.of(new CatalogChange.ReplaceAll(document()))));
        catalog = mz.catalog();
        asOf = t0.plusSeconds(3600);
        useRaw = "raw".equals(impl);
        keys = new String[ITEMS];
        raw = new HashMap<>();
        for (int i = 0; i < ITEMS; i++) {
            keys[i] = new String(itemCode(i).toCharArray()); // distinct instances, as from a request
            raw.put(itemCode(i), catalog.plan(itemCode(i)));
        }
    }

    static String itemCode(int i) {
        return String.format("11150300IT%05d", i);
    }

    static CatalogDocument document() {
        List<Department> deps = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            deps.add(new Department("D" + d, "部门" + d, AdminLevel.CITY, null, null));
        }
        List<LicenseType> types = List.of(new LicenseType("LT1", "营业执照", HolderKind.ORGANISATION));
        List<ServiceItem> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            List<MaterialRequirement> ms = new ArrayList<>();
            for (int m = 0; m < MATERIALS; m++) {
                String dep = "D" + ((i + m) % 20);
                MaterialRequirement mr = switch (m % 4) {
                    case 0 -> new MaterialRequirement("M" + m, "证照" + m, MaterialKind.ELECTRONIC_LICENSE, "LT1",
                            new Issuer(dep, "部门", true, true), "依据", Exemption.dataCall(), null);
                    case 1 -> new MaterialRequirement("M" + m, "批复" + m, MaterialKind.FILE_APPROVAL, null,
                            new Issuer(dep, "部门", true, true), "依据", new Exemption(RetrievalMode.DIRECTED, List.of()), null);
                    case 2 -> new MaterialRequirement("M" + m, "证明" + m, MaterialKind.CERTIFICATION, null,
                            new Issuer(dep, "部门", true, true), "依据", Exemption.NONE, null);
                    default -> new MaterialRequirement("M" + m, "自备" + m, MaterialKind.CERTIFICATION, null, Issuer.APPLICANT, "依据", null, null);
                };
                ms.add(mr);
            }
            items.add(new ServiceItem(itemCode(i), "事项" + i, "D" + (i % 20), AdminLevel.CITY, Handling.IMMEDIATE, ReviewLevel.CITY, ms));
        }
        return new CatalogDocument(deps, types, items);
    }

    @Benchmark
    public Plan lookup(Cursor c) {
        int i = c.i;
        c.i = i + 1 == ITEMS ? 0 : i + 1;
        String key = keys[i];
        return useRaw ? raw.get(key) : catalog.plan(key, asOf);
    }
}
