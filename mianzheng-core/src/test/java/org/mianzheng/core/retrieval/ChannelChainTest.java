package org.mianzheng.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditException;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.MustSubmitReason;
import org.mianzheng.api.RetrievalOutcome;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.core.testing.WrappingAuditStore;

class ChannelChainTest {
    RetrievalFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void perChannelTimeoutThenFallback() {
        f = new RetrievalFixture(RetrievalSettings.defaults().withTimeouts(Duration.ofMillis(150), Duration.ofSeconds(10)), null);
        f.onewindow.hang();
        Case c = f.openCase();
        f.consent(c, "SFZ");
        RetrievalResult r = f.retrieve(c, "SFZ");
        assertThat(r.channel()).isEqualTo("cityhub");
        assertThat(r.attempts().get(0).outcome()).isEqualTo(SourceOutcome.TIMEOUT);
        assertThat(r.attempts().get(0).elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(150)).isLessThan(Duration.ofSeconds(5));
        assertThat(f.onewindow.hanging.values()).allSatisfy(h -> assertThat(h).isCancelled());
    }

    /** A channel's text goes into the audit record: what a store cannot keep in it must not stop the retrieval. */
    @Test
    void aChannelAnswerWithTextAStoreCannotKeepIsRecordedAndTheNextChannelTried() {
        f = new RetrievalFixture(RetrievalSettings.defaults(), null);
        f.onewindow.behave(q -> java.util.concurrent.CompletableFuture.completedFuture(
                new org.mianzheng.api.SourceResult(SourceOutcome.UNAVAILABLE, null, "E\uD800", "busy\u0000 now")));
        Case c = f.openCase();
        f.consent(c, "SFZ");
        RetrievalResult r = f.retrieve(c, "SFZ");
        assertThat(r.channel()).isEqualTo("cityhub");
        assertThat(r.attempts().get(0).platformCode()).isEqualTo("E\uFFFD");
        assertThat(f.mz.internals().audit().read(1, 10_000, "sup", "x")).filteredOn(e -> e.type() == AuditType.CHANNEL_ATTEMPT)
                .first().satisfies(e -> assertThat(e.detail()).containsEntry("platformCode", "E\uFFFD").containsEntry("detail", "busy\uFFFD now"));
    }

    @Test
    void overallDeadlineBoundsTheWholeRetrieval() {
        f = new RetrievalFixture(RetrievalSettings.defaults().withTimeouts(Duration.ofMillis(200), Duration.ofMillis(300)), null);
        f.onewindow.hang();
        f.cityhub.hang();
        Case c = f.openCase();
        f.consent(c, "SFZ");
        long t0 = System.nanoTime();
        RetrievalResult r = f.retrieve(c, "SFZ");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.outcome()).isEqualTo(RetrievalOutcome.MUST_SUBMIT);
        assertThat(r.reason()).isEqualTo(MustSubmitReason.NO_CHANNEL_AVAILABLE);
        assertThat(r.attempts()).extracting(a -> a.outcome()).containsOnly(SourceOutcome.TIMEOUT);
        assertThat(ms).isLessThan(3_000);
        assertThat(r.attempts().get(1).elapsed()).isLessThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void circuitBreakerOpensAndSkipsTheChannel() {
        f = new RetrievalFixture(RetrievalSettings.defaults().withBreaker(50, 4, Duration.ofMinutes(5)), null);
        f.onewindow.answer(SourceOutcome.UNAVAILABLE);
        for (int i = 0; i < 4; i++) {
            Case c = f.openCase();
            f.consent(c, "SFZ");
            assertThat(f.retrieve(c, "SFZ").channel()).isEqualTo("cityhub");
        }
        assertThat(f.mz.internals().breakerState("onewindow")).isEqualTo("OPEN");
        int calls = f.onewindow.calls.get();
        Case c = f.openCase();
        f.consent(c, "SFZ");
        RetrievalResult r = f.retrieve(c, "SFZ");
        assertThat(f.onewindow.calls.get()).isEqualTo(calls);
        assertThat(r.attempts().get(0).outcome()).isEqualTo(SourceOutcome.UNAVAILABLE);
        assertThat(r.attempts().get(0).detail()).contains("circuit breaker open");
        assertThat(r.channel()).isEqualTo("cityhub");
        // NOT_FOUND answers are healthy: they never open the breaker
        assertThat(f.mz.internals().breakerState("cityhub")).isEqualTo("CLOSED");
    }

    private RetrievalResult retrieveWithin10s(Case c) throws Exception {
        return f.mz.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** An adapter that throws an {@code Error} from {@code retrieve} gets its attempt answered; the retrieval goes on. */
    @Test
    void anAdapterThrowingAnErrorIsAnsweredNotLeftHanging() throws Exception {
        f = new RetrievalFixture(RetrievalSettings.defaults().withTimeouts(Duration.ofMillis(150), Duration.ofSeconds(5)), null);
        f.onewindow.behave(q -> {
            throw new AssertionError("adapter bug");
        });
        Case c = f.openCase();
        f.consent(c, "SFZ");
        RetrievalResult r = retrieveWithin10s(c);
        assertThat(r.channel()).isEqualTo("cityhub");
        assertThat(r.attempts().get(0).outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(r.attempts().get(0).detail()).contains("AssertionError");
    }

    /** An adapter that blocks inside {@code retrieve} (which it must not) is timed out all the same. */
    @Test
    void anAdapterBlockingInsideRetrieveIsTimedOut() throws Exception {
        f = new RetrievalFixture(RetrievalSettings.defaults().withTimeouts(Duration.ofMillis(150), Duration.ofSeconds(5)), null);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        f.onewindow.behave(q -> {
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return java.util.concurrent.CompletableFuture.completedFuture(org.mianzheng.api.SourceResult.of(SourceOutcome.NOT_FOUND, null, "late"));
        });
        try {
            Case c = f.openCase();
            f.consent(c, "SFZ");
            RetrievalResult r = retrieveWithin10s(c); // answered while the adapter still blocks
            assertThat(release.getCount()).isEqualTo(1);
            assertThat(r.channel()).isEqualTo("cityhub");
            assertThat(r.attempts().get(0).outcome()).isEqualTo(SourceOutcome.TIMEOUT);
        } finally {
            release.countDown();
        }
    }

    /**
     * A channel whose slot the overall deadline cut short (less than its own timeout was left) and which then timed out
     * is not charged with a failure: its breaker stays closed, while the first channel's, which had its full timeout,
     * opens.
     */
    @Test
    void aSlotCutShortByTheDeadlineDoesNotCountAgainstTheChannel() throws Exception {
        f = new RetrievalFixture(RetrievalSettings.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(400))
                .withBreaker(50, 2, Duration.ofMinutes(5)), null);
        f.onewindow.hang();
        f.cityhub.hang();
        for (int i = 0; i < 2; i++) {
            Case c = f.openCase();
            f.consent(c, "SFZ");
            assertThat(retrieveWithin10s(c).outcome()).isEqualTo(RetrievalOutcome.MUST_SUBMIT);
        }
        assertThat(f.mz.internals().breakerState("onewindow")).isEqualTo("OPEN");
        assertThat(f.mz.internals().breakerState("cityhub")).isEqualTo("CLOSED");
    }

    /**
     * A consent revoked while the channels are answering stops the data: the retrieval is refused as one started after
     * the revocation would be (recorded), and nothing is cached.
     */
    @Test
    void aConsentRevokedWhileTheChannelsAnswerWithholdsTheData() throws Exception {
        f = new RetrievalFixture();
        java.util.concurrent.CompletableFuture<org.mianzheng.api.SourceResult> answer = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<org.mianzheng.api.LicenseQuery> query = new java.util.concurrent.atomic.AtomicReference<>();
        f.onewindow.behave(q -> {
            query.set(q);
            asked.countDown();
            return answer;
        });
        Case c = f.openCase();
        org.mianzheng.api.Consent k = f.consent(c, "SFZ");
        java.util.concurrent.CompletableFuture<RetrievalResult> pending = f.mz.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture();
        assertThat(asked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        f.mz.consents().revoke(k.id(), "clerk1", "申请人撤回授权");
        org.mianzheng.api.LicenseQuery q = query.get();
        answer.complete(org.mianzheng.api.SourceResult.found(org.mianzheng.core.testing.FakeSource.license(q.holder(), q.holderName(),
                q.licenseTypeCode(), org.mianzheng.api.LicenseStatus.VALID)));
        assertThatThrownBy(() -> pending.get(10, java.util.concurrent.TimeUnit.SECONDS)).hasCauseInstanceOf(org.mianzheng.api.AccessDeniedException.class)
                .cause().satisfies(e -> assertThat(((org.mianzheng.api.AccessDeniedException) e).kind())
                        .isEqualTo(org.mianzheng.api.ViolationKind.CONSENT_REVOKED));
        assertThat(f.mz.internals().lookup().cache().asMap()).isEmpty();
        assertThat(f.mz.internals().audit().read(1, 10_000, "sup", "x")).noneMatch(e -> e.type() == AuditType.RETRIEVAL);
        assertThat(f.mz.violations()).singleElement().satisfies(v -> assertThat(v.kind()).isEqualTo(org.mianzheng.api.ViolationKind.CONSENT_REVOKED));
    }

    /** A closed engine answers a retrieval with a failed stage, not an exception thrown at the caller. */
    @Test
    void aClosedEngineFailsTheStage() {
        f = new RetrievalFixture();
        Case c = f.openCase();
        f.consent(c, "SFZ");
        f.mz.close();
        java.util.concurrent.CompletableFuture<RetrievalResult> r = f.mz.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture();
        assertThatThrownBy(r::join).hasCauseInstanceOf(org.mianzheng.api.RetrievalException.class).hasMessageContaining("closed");
    }

    /** An audit store that fails on the event type given. */
    static final class FailingOn extends WrappingAuditStore {
        volatile AuditType failOn;

        @Override
        public void append(List<AuditEvent> events) {
            if (events.stream().anyMatch(e -> e.type() == failOn)) {
                throw new IllegalStateException("disk full");
            }
            inner.append(events);
        }
    }

    @Test
    void failClosedWhenTheAuditChainCannotRecord() {
        FailingOn store = new FailingOn();
        f = new RetrievalFixture(RetrievalSettings.defaults(), store);
        Case c = f.openCase();
        f.consent(c, "SFZ");
        store.failOn = AuditType.RETRIEVAL;
        assertThatThrownBy(() -> f.retrieve(c, "SFZ")).extracting(RetrievalFixture::cause).isInstanceOf(AuditException.class);
        // the unrecorded retrieval left nothing behind to be served later
        assertThat(f.mz.internals().lookup().cache().asMap()).isEmpty();
        store.failOn = null;
        f.retrieve(c, "SFZ");
        store.failOn = AuditType.CACHE_HIT;
        assertThatThrownBy(() -> f.retrieve(c, "SFZ")).extracting(RetrievalFixture::cause).isInstanceOf(AuditException.class);
        store.failOn = AuditType.CONSENT_GRANTED;
        Case c2 = f.openCase();
        assertThatThrownBy(() -> f.consent(c2, "SFZ")).isInstanceOf(AuditException.class);
        assertThat(f.mz.consents().forCase(c2.bizNo())).isEmpty();
        store.failOn = null;
        assertThat(f.mz.audit().verify().ok()).isTrue();
    }

    /**
     * {@code retrieveAll} fails with one material's failure only once the material retrieved beside it has settled, so
     * that one is recorded and cached when the caller hears of the failure, and retrieving it alone afterwards serves
     * it from the cache (as its javadoc says).
     */
    @Test
    void retrieveAllFailsOnceTheOtherMaterialHasSettledAndThatOneIsCached() {
        FailingOn store = new FailingOn();
        f = new RetrievalFixture(RetrievalSettings.defaults(), store);
        Case c = f.openCase();
        f.consent(c, "SFZ", "YYZZ");
        assertThat(f.retrieve(c, "SFZ").fromCache()).isFalse();
        java.util.concurrent.CompletableFuture<org.mianzheng.api.LicenseQuery> asked = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<org.mianzheng.api.SourceResult> held = new java.util.concurrent.CompletableFuture<>();
        f.onewindow.behave(q -> { // YYZZ, first in the item's order, waits on its channel
            asked.complete(q);
            return held;
        });
        store.failOn = AuditType.CACHE_HIT; // SFZ, cached now, cannot be recorded
        java.util.concurrent.CompletableFuture<List<RetrievalResult>> all = f.mz.retrieval().retrieveAll(c.bizNo(), "clerk1").toCompletableFuture();
        assertThat(all).as("YYZZ is still with its channel").isNotDone();
        store.failOn = null;
        org.mianzheng.api.LicenseQuery q = asked.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        held.complete(org.mianzheng.api.SourceResult.found(org.mianzheng.core.testing.FakeSource.license(q.holder(), q.holderName(),
                q.licenseTypeCode(), org.mianzheng.api.LicenseStatus.VALID)));
        assertThatThrownBy(all::join).extracting(RetrievalFixture::cause).isInstanceOf(AuditException.class);
        assertThat(all.handle((v, t) -> t).join()).as("the failure itself, as retrieve fails").isInstanceOf(AuditException.class);
        int calls = f.onewindow.calls.get();
        RetrievalResult yyzz = f.retrieve(c, "YYZZ");
        assertThat(yyzz.outcome()).isEqualTo(RetrievalOutcome.RETRIEVED);
        assertThat(yyzz.fromCache()).isTrue();
        assertThat(f.onewindow.calls).hasValue(calls);
        assertThat(f.mz.audit().verify().ok()).isTrue();
    }
}
