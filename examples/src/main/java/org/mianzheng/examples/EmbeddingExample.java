package org.mianzheng.examples;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.mianzheng.api.Case;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.Digests;
import org.mianzheng.api.Holder;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.Role;
import org.mianzheng.core.Mianzheng;

/**
 * The embedding example shown in the README: build the engine with an adapter, load the catalog, register a
 * clerk, open a case, take the applicant's consent, retrieve a licence, read the plan. {@code ReadmeTest} checks
 * that the README shows exactly the lines between the markers.
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
     * @return the retrieval result
     */
    public static RetrievalResult run(Clock clock) {
        InProcessSource yourAdapter = SampleLicences.oneWindow();
        byte[] signature = "signature-pad image".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // README:BEGIN
        Mianzheng mz = Mianzheng.builder()
                .clock(clock)                                  // inject a Clock; tests use a fixed one
                .licenseSource(yourAdapter)                    // e.g. the onewindow / cityhub clients
                .build();                                      // in-memory stores unless you register others
        mz.catalog().file(SampleCatalog.initialFiling());      // 免证办目录 filing (Art. 16)
        mz.accounts().register("clerk-li", "李窗口", "ZWFWJ", "window-07", Set.of(Role.WINDOW_CLERK), "admin", "市政务服务局");

        Holder applicant = Holder.person("11010519491231002X", "张三");
        Case c = mz.cases().open("HBW-2026-000123", "11150300SC0002", applicant, Map.of(), "window-07", "clerk-li");
        mz.consents().grant(new ConsentRequest(c.bizNo(), "clerk-li", Set.of("SFZ"), "办理个体工商户设立登记",
                ConsentMethod.SIGNATURE_PAD, "sig-0001", Digests.sha256Hex(signature), null));   // 现场授权 (Art. 10)
        RetrievalResult r = mz.retrieval().retrieve(c.bizNo(), "SFZ", "clerk-li").toCompletableFuture().join();

        for (MaterialPlan m : mz.cases().plan(c.bizNo()).materials()) {
            System.out.println(m.material().name() + ": " + m.decision()
                    + (m.reason() == null ? "" : " — " + m.reason().chinese() + " (" + m.article() + ")"));
        }
        System.out.println("居民身份证 " + r.outcome() + " via " + r.channel());
        // README:END
        mz.close();
        return r;
    }
}
