package org.mianzheng.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mianzheng.api.Case;
import org.mianzheng.api.CatalogFiling;
import org.mianzheng.api.Holder;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.MustSubmitReason;
import org.mianzheng.api.Plan;
import org.mianzheng.api.VoluntarySubmission;
import org.mianzheng.core.Mianzheng;

/**
 * The project's main job: an end-to-end account of 免证办 on embedded defaults. Exits 0 only if every check passed.
 *
 * <p>Run: {@code java -jar examples/target/mianzheng-examples.jar [--help]}.
 */
public final class Main {
    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();

    Main(PrintStream out) {
        this.out = out;
    }

    /**
     * @param args command-line flags; {@code --help} lists them
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                out.println("usage: java -jar mianzheng-examples.jar [--help]");
                out.println("Runs the 免证办 end-to-end demo on embedded defaults and exits 0 only if every check passed.");
                return;
            }
            out.println("unknown flag: " + a + " (try --help)");
            System.exit(2);
        }
        int code = new Main(out).run(Clock.system(Mianzheng.DEFAULT_ZONE));
        System.exit(code);
    }

    int run(Clock clock) {
        out.println("== 免证办 mianzheng — end-to-end demo ==");
        Mianzheng mz = Mianzheng.builder().clock(clock).build();

        out.println();
        out.println("-- 1. 免证办目录 exemption catalog (Art. 16) --");
        CatalogFiling filing = mz.catalog().file(SampleCatalog.initialFiling());
        int items = mz.catalog().items(filing.filedAt()).size();
        long materials = mz.catalog().items(filing.filedAt()).stream().mapToLong(i -> i.materials().size()).sum();
        out.printf("filed version %d by %s: %d departments, %d service items, %d materials%n", filing.sequence(),
                filing.departmentCode(), mz.catalog().departments(filing.filedAt()).size(), items, materials);
        check(items >= 20 && materials >= 60, "sample catalog has at least 20 items and 60 materials");

        out.println();
        out.println("-- 2. Plans: what applicants no longer hand in (Art. 2, 3, 5, 16) --");
        for (String item : List.of("11150300SC0002", "11150300MZ0002", "11150300JT0002", "11150300SF0002")) {
            printPlan(mz.catalog().plan(item));
        }
        Plan taxi = mz.catalog().plan("11150300JT0002");
        check(taxi.material("WFZJL").map(m -> m.reason() == MustSubmitReason.PUBLIC_SECURITY).orElse(false),
                "无犯罪记录证明 is excluded under Art. 3 (public security)");
        check(mz.catalog().plan("11150300SF0002").materials().stream()
                .allMatch(m -> m.reason() == MustSubmitReason.REVIEWED_AT_REGION_LEVEL || m.reason() == MustSubmitReason.NOT_GOVERNMENT_ISSUED),
                "an item reviewed at region level keeps every material");

        out.println();
        out.println("-- 3. A window case and a voluntary paper submission (Art. 4) --");
        Holder applicant = Holder.person("11010519491231002X", "张三");
        Case c = mz.cases().open("HBW-2026-000123", "11150300SC0002", applicant, Map.of(), "window-07", "clerk-li");
        out.printf("case %s opened for item %s, applicant %s, at %s%n", c.bizNo(), c.itemCode(), applicant.id(), c.openedAt());
        VoluntarySubmission v = mz.cases().recordVoluntarySubmission(c.bizNo(), "SFZ", "clerk-li", "申请人主动提交身份证复印件");
        out.printf("applicant handed in %s on paper although it is %s: accepted and recorded%n", v.materialCode(), v.planned());
        check(v.wasExempt() && mz.cases().voluntarySubmissions(c.bizNo()).size() == 1, "voluntary submission accepted and recorded");

        out.println();
        if (failures.isEmpty()) {
            out.println("ALL CHECKS PASSED");
            return 0;
        }
        out.println("FAILED CHECKS:");
        failures.forEach(f -> out.println("  - " + f));
        return 1;
    }

    private void printPlan(Plan plan) {
        out.printf("%s %s (catalog v%d)%n", plan.itemCode(), plan.item().name(), plan.catalogVersion());
        for (MaterialPlan m : plan.materials()) {
            String what = switch (m.decision()) {
                case EXEMPT -> "免提交 EXEMPT — " + m.mode() + " via " + String.join(" → ", m.channels());
                case DIRECTED -> "定向 DIRECTED — request to " + m.directedTo();
                case MUST_SUBMIT -> "需提交 MUST_SUBMIT — " + m.reason().chinese() + " [" + m.reason() + ", " + m.article() + "]";
            };
            out.printf("   %-8s %-16s %s%n", m.materialCode(), m.material().name(), what);
        }
    }

    private void check(boolean ok, String what) {
        out.println((ok ? "  ✓ " : "  ✗ ") + what);
        if (!ok) {
            failures.add(what);
        }
    }

    /** @return decisions counted, for tests */
    static long count(Plan p, MaterialDecision d) {
        return p.with(d).size();
    }
}
