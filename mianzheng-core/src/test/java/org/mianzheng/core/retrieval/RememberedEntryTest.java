package org.mianzheng.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mianzheng.core.testing.Await;
import org.mianzheng.api.Case;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.Digests;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.SourceResult;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.catalog.Fixtures;
import org.mianzheng.core.testing.FakeSource;

/**
 * The entry a case state's key remembers must never be one the cache no longer holds: not after the cache replaced
 * it, not after an eviction that raced with remembering it. (Found in review: each test fails without its fix.)
 */
class RememberedEntryTest {

    /** The channel timeouts run on real time; long ones, so that a slow machine cannot turn a held answer into a fallback. */
    static final RetrievalSettings HANGING = RetrievalSettings.defaults().withTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(10));

    static CompletableFuture<SourceResult> found(LicenseQuery q) {
        return CompletableFuture.completedFuture(SourceResult.found(FakeSource.license(q.holder(), q.holderName(), q.licenseTypeCode(),
                LicenseStatus.VALID)));
    }

    /** Two retrievals of one material both miss; the second one's entry replaces the first one's, without an eviction. */
    private static RetrievalResult[] twoOverlappingRetrievals(RetrievalFixture f, Case a) {
        f.onewindow.hang();
        // channel calls are dispatched on the engine's executor: start the second only once the first has asked, so
        // queries.get(0) is the first retrieval's
        var r1 = f.mz.retrieval().retrieve(a.bizNo(), "SFZ", "clerk1").toCompletableFuture();
        Await.until(() -> f.onewindow.hanging.size() == 1);
        var r2 = f.mz.retrieval().retrieve(a.bizNo(), "SFZ", "clerk1").toCompletableFuture();
        Await.until(() -> f.onewindow.hanging.size() == 2);
        LicenseQuery q1 = f.onewindow.queries.get(0);
        f.onewindow.hanging.get(q1.requestId()).complete(found(q1).join());
        RetrievalResult first = r1.join();
        assertThat(f.retrieve(a, "SFZ").fromCache()).isTrue(); // the first entry is remembered now
        f.clock.advance(Duration.ofSeconds(1));
        LicenseQuery q2 = f.onewindow.queries.get(1);
        f.onewindow.hanging.get(q2.requestId()).complete(found(q2).join());
        RetrievalResult second = r2.join();
        f.onewindow.behave(RememberedEntryTest::found);
        return new RetrievalResult[] {first, second};
    }

    @Test
    void aReplacedEntryIsNotServedAgain() {
        try (RetrievalFixture f = new RetrievalFixture(HANGING.withCache(Duration.ofMinutes(10), 10), null)) {
            Case a = f.openCase();
            f.consent(a, "SFZ");
            RetrievalResult[] r = twoOverlappingRetrievals(f, a);
            assertThat(r[1].retrievedAt()).isAfter(r[0].retrievedAt());
            assertThat(f.retrieve(a, "SFZ").retrievedAt()).as("the cache's current entry").isEqualTo(r[1].retrievedAt());
        }
    }

    @Test
    void aReplacedEntryIsNotServedAfterTheSizeBoundEvictsItsKey() {
        try (RetrievalFixture f = new RetrievalFixture(HANGING.withCache(Duration.ofMinutes(10), 1), null)) {
            Case a = f.openCase();
            f.consent(a, "SFZ");
            twoOverlappingRetrievals(f, a);
            Case b = f.openCase();
            f.consent(b, "SFZ");
            f.retrieve(b, "SFZ"); // one entry at most: a's goes
            f.mz.internals().lookup().cache().cleanUp();
            assertThat(f.mz.internals().lookup().cache().asMap().keySet()).extracting(k -> k.bizNo()).containsExactly(b.bizNo());
            int calls = f.onewindow.calls.get();
            assertThat(f.retrieve(a, "SFZ").fromCache()).as("evicted for size, yet served").isFalse();
            assertThat(f.onewindow.calls).hasValue(calls + 1);
        }
    }

    /** Runs a hook once, on one thread, while the cache read inside {@code ConsentedLookup.hit} reads the clock. */
    static final class HookClock extends Clock {
        volatile Instant now = RetrievalFixture.MONDAY_10;
        volatile Runnable hook;
        volatile Thread on;

        @Override
        public ZoneId getZone() {
            return Mianzheng.DEFAULT_ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            Runnable h = hook;
            if (h != null && Thread.currentThread() == on && StackWalker.getInstance().walk(s -> s.anyMatch(f -> f.getMethodName().equals("getIfPresent")))
                    && StackWalker.getInstance().walk(s -> s.anyMatch(f -> f.getMethodName().equals("hit")))) {
                hook = null;
                h.run();
            }
            return now;
        }
    }

    @Test
    void anEvictionBetweenReadingAndRememberingIsNotMissed() {
        HookClock clock = new HookClock();
        FakeSource onewindow = new FakeSource("onewindow");
        FakeSource cityhub = new FakeSource("cityhub");
        try (Mianzheng mz = Mianzheng.builder().clock(clock).licenseSource(onewindow).licenseSource(cityhub)
                .retrievalSettings(RetrievalSettings.defaults().withCache(Duration.ofMinutes(10), 1)).build()) {
            Fixtures.loadWithAccounts(mz);
            Case a = mz.cases().open("B1", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1");
            Case b = mz.cases().open("B2", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1");
            for (Case c : new Case[] {a, b}) {
                mz.consents().grant(new ConsentRequest(c.bizNo(), "clerk1", Set.of("SFZ"), "办理食品经营许可", ConsentMethod.SIGNATURE_PAD,
                        "sig-" + c.bizNo(), Digests.sha256Hex(c.bizNo().getBytes(java.nio.charset.StandardCharsets.UTF_8)), null));
            }
            mz.retrieval().retrieve(a.bizNo(), "SFZ", "clerk1").toCompletableFuture().join(); // cached: a
            clock.on = Thread.currentThread();
            clock.hook = () -> CompletableFuture.runAsync(() -> { // between the read and the remembering: a is evicted
                mz.retrieval().retrieve(b.bizNo(), "SFZ", "clerk1").toCompletableFuture().join();
                mz.internals().lookup().cache().cleanUp();
            }).join();
            assertThat(mz.retrieval().retrieve(a.bizNo(), "SFZ", "clerk1").toCompletableFuture().join().fromCache()).isTrue(); // in flight
            mz.internals().lookup().cache().cleanUp();
            assertThat(mz.internals().lookup().cache().asMap().keySet()).extracting(k -> k.bizNo()).containsExactly(b.bizNo());
            int calls = onewindow.calls.get();
            assertThat(mz.retrieval().retrieve(a.bizNo(), "SFZ", "clerk1").toCompletableFuture().join().fromCache())
                    .as("a's entry was evicted for size, yet served").isFalse();
            assertThat(onewindow.calls).hasValue(calls + 1);
        }
    }
}
