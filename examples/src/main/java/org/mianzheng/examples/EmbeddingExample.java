package org.mianzheng.examples;

import java.time.Clock;
import java.util.Map;
import org.mianzheng.api.Case;
import org.mianzheng.api.Holder;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.Plan;
import org.mianzheng.core.Mianzheng;

/**
 * The embedding example shown in the README: build the engine, load the catalog, open a case, read its plan.
 * {@code ReadmeTest} checks that the README shows exactly the lines between the markers.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        run(Clock.system(Mianzheng.DEFAULT_ZONE));
    }

    /**
     * @param clock the clock
     * @return the plan of the opened case
     */
    public static Plan run(Clock clock) {
        // README:BEGIN
        Mianzheng mz = Mianzheng.builder()
                .clock(clock)                                  // inject a Clock; tests use a fixed one
                .build();                                      // in-memory stores unless you register others
        mz.catalog().file(SampleCatalog.initialFiling());      // 免证办目录 filing (Art. 16)

        Holder applicant = Holder.person("11010519491231002X", "张三");
        Case c = mz.cases().open("HBW-2026-000123", "11150300SC0002", applicant,
                Map.of("SFZ", Map.of("name", "张三")), "window-07", "clerk-li");

        Plan plan = mz.cases().plan(c.bizNo());
        for (MaterialPlan m : plan.materials()) {
            switch (m.decision()) {
                case EXEMPT -> System.out.println(m.material().name() + ": retrieve via " + m.channels());
                case DIRECTED -> System.out.println(m.material().name() + ": directed request to " + m.directedTo());
                case MUST_SUBMIT -> System.out.println(m.material().name() + ": applicant submits — "
                        + m.reason().chinese() + " (" + m.article() + ")");
            }
        }
        // README:END
        return plan;
    }
}
