package org.mianzheng.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.Holder;
import org.mianzheng.api.RetrievalOutcome;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.core.testing.CapturingLoggers;

class ConcurrencyAndMaskingTest {

    @Test
    void manyThreadsManyCasesAndTheChainStillVerifies() throws Exception {
        try (RetrievalFixture f = new RetrievalFixture(RetrievalSettings.defaults().withGuard(10_000, java.time.Duration.ofHours(1), false, false),
                null)) {
            // every third call on the primary channel fails: fallbacks interleave with direct hits
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            f.onewindow.behave(q -> n.incrementAndGet() % 3 == 0
                    ? CompletableFuture.completedFuture(org.mianzheng.api.SourceResult.of(SourceOutcome.UNAVAILABLE, "503", "busy"))
                    : CompletableFuture.supplyAsync(() -> org.mianzheng.api.SourceResult.found(
                    org.mianzheng.core.testing.FakeSource.license(q.holder(), q.holderName(), q.licenseTypeCode(), org.mianzheng.api.LicenseStatus.VALID))));
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Case c = f.openCase(MisuseGuardTest.person(i), Map.of());
                f.consent(c, "SFZ", "YYZZ");
                cases.add(c);
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<CompletableFuture<RetrievalResult>> futures = Collections.synchronizedList(new ArrayList<>());
            for (Case c : cases) {
                for (String m : List.of("SFZ", "YYZZ")) {
                    pool.execute(() -> futures.add(f.mz.retrieval().retrieve(c.bizNo(), m, "clerk1").toCompletableFuture()));
                }
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            List<RetrievalResult> results = CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                    .thenApply(v -> futures.stream().map(CompletableFuture::join).toList()).get(30, TimeUnit.SECONDS);
            assertThat(results).hasSize(400).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(RetrievalOutcome.RETRIEVED));

            assertThat(f.mz.audit().verify().ok()).isTrue();
            List<AuditEvent> all = f.mz.audit().read(1, 10_000, "sup", "verify");
            Map<String, List<AuditEvent>> retrievals = all.stream().filter(e -> e.type() == AuditType.RETRIEVAL)
                    .collect(Collectors.groupingBy(e -> e.bizNo() + "/" + e.detail().get("material")));
            assertThat(retrievals).hasSize(400).allSatisfy((k, v) -> assertThat(v).hasSize(1));
            Map<String, Long> attempts = all.stream().filter(e -> e.type() == AuditType.CHANNEL_ATTEMPT)
                    .collect(Collectors.groupingBy(e -> e.bizNo() + "/" + e.detail().get("material"), Collectors.counting()));
            for (RetrievalResult r : results) {
                assertThat(attempts.get(r.bizNo() + "/" + r.materialCode())).isEqualTo((long) r.attempts().size());
            }
        }
    }

    @Test
    void identityNumbersNeverAppearInLogsOrExceptionMessages() {
        String raw = "11010519491231002X";
        CapturingLoggers.LINES.clear();
        List<String> messages = new ArrayList<>();
        try (RetrievalFixture f = new RetrievalFixture()) {
            f.onewindow.answer(SourceOutcome.UNAVAILABLE);
            f.cityhub.answer(SourceOutcome.TIMEOUT);
            Case c = f.openCase(Holder.person(raw, "张三"), Map.of("SFZ", Map.of("number", raw)));
            try {
                f.retrieve(c, "SFZ");
            } catch (RuntimeException e) {
                messages.add(String.valueOf(e.getMessage()));
            }
            f.consent(c, "SFZ");
            f.retrieve(c, "SFZ");
            try {
                f.retrieve(c, "SFZ", "ghost");
            } catch (RuntimeException e) {
                messages.add(String.valueOf(RetrievalFixture.cause(e).getMessage()));
            }
            try {
                org.mianzheng.api.HolderId.resident(raw.substring(0, 17) + "1");
            } catch (RuntimeException e) {
                messages.add(e.getMessage());
            }
            messages.add(c.toString());
            messages.add(f.mz.consents().forCase(c.bizNo()).get(0).toString());
        }
        assertThat(CapturingLoggers.LINES).isNotEmpty();
        assertThat(CapturingLoggers.LINES).noneMatch(l -> l.contains(raw) || l.contains("19491231"));
        assertThat(messages).hasSize(5).noneMatch(m -> m.contains(raw) || m.contains("19491231"));
    }

    @Test
    void adapterDetailIsMaskedBeforeItIsLoggedOrAudited() {
        String raw = "11010519491231002X";
        CapturingLoggers.LINES.clear();
        try (RetrievalFixture f = new RetrievalFixture()) {
            f.onewindow.behave(q -> CompletableFuture.completedFuture(org.mianzheng.api.SourceResult.of(SourceOutcome.UNAVAILABLE, "503",
                    "backend says: holder " + raw + " is locked")));
            Case c = f.openCase();
            f.consent(c, "SFZ");
            RetrievalResult r = f.retrieve(c, "SFZ");
            assertThat(r.attempts().get(0).detail()).doesNotContain(raw).contains("110***********002X");
            assertThat(f.mz.audit().read(1, 10_000, "sup", "t")).noneMatch(e -> e.detail().values().stream().anyMatch(v -> v.contains(raw)));
        }
        assertThat(CapturingLoggers.LINES).noneMatch(l -> l.contains(raw));
        assertThat(DefaultRetrievalService.maskIdentityLike("code 91110000802100433B, id 110105491231002")).doesNotContain("91110000802100433B")
                .doesNotContain("110105491231002");
    }

    @Test
    void aRevocationWinsOverAStateBuiltConcurrently() throws Exception {
        try (RetrievalFixture f = new RetrievalFixture()) {
            for (int round = 0; round < 50; round++) {
                Case c = f.openCase();
                org.mianzheng.api.Consent k = f.consent(c, "SFZ");
                Thread reader = new Thread(() -> {
                    try {
                        f.mz.internals().lookup().cached(c.bizNo(), "SFZ", "clerk1");
                    } catch (RuntimeException ignored) {
                        // refused after the revocation: fine
                    }
                });
                reader.start();
                f.mz.consents().revoke(k.id(), "clerk1", "撤回");
                reader.join(5_000);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.mz.internals().lookup().cached(c.bizNo(), "SFZ", "clerk1"))
                        .isInstanceOf(org.mianzheng.api.AccessDeniedException.class);
            }
        }
    }
}
