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
}
