package org.mianzheng.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mianzheng.api.Case;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.Holder;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.MustSubmitReason;
import org.mianzheng.api.RetrievalOutcome;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.Role;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.retrieval.RetrievalSettings;
import org.mianzheng.simulator.Fault;
import org.mianzheng.simulator.Route;
import org.mianzheng.simulator.SampleLicense;

/** Each fault injected on the primary platform: the engine records the typed outcome and falls through; both down: MUST_SUBMIT. */
class EngineOverPlatformsTest {
    static DemoPlatforms platforms;
    static Mianzheng mz;
    static SampleLicense licence;
    static final AtomicInteger N = new AtomicInteger();

    @BeforeAll
    static void start() {
        platforms = new DemoPlatforms(0);
        java.time.Clock clock = java.time.Clock.offset(java.time.Clock.system(Mianzheng.DEFAULT_ZONE), Duration.between(java.time.Instant.now(),
                ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, Mianzheng.DEFAULT_ZONE).toInstant()));
        mz = Mianzheng.builder().clock(clock).licenseSource(platforms.oneWindow()).licenseSource(platforms.cityHub())
                .retrievalSettings(RetrievalSettings.defaults().withTimeouts(Duration.ofSeconds(4), Duration.ofSeconds(9))
                        .withBreaker(100, 1000, Duration.ofSeconds(1)))
                .build();
        mz.catalog().file(SampleCatalog.initialFiling());
        mz.accounts().register("clerk", "窗口", "ZWFWJ", "w1", Set.of(Role.WINDOW_CLERK), "admin", "bureau");
        licence = platforms.simulator().data().first(LicenseStatus.VALID, HolderKind.ORGANISATION);
    }

    @AfterAll
    static void stop() {
        mz.close();
        platforms.close();
    }

    @AfterEach
    void clear() {
        platforms.simulator().faults().clear();
    }

    static RetrievalResult retrieveBusinessLicence() {
        Holder org = new Holder(HolderKind.ORGANISATION, licence.holder().id(), licence.holder().name());
        Case c = mz.cases().open("P" + N.incrementAndGet(), "11150300SC0003", org, Map.of(), "w1", "clerk");
        mz.consents().grant(new ConsentRequest(c.bizNo(), "clerk", Set.of("YYZZ"), "企业变更登记", ConsentMethod.SIGNATURE_PAD, "sig", "c".repeat(64),
                null));
        return mz.retrieval().retrieve(c.bizNo(), "YYZZ", "clerk").toCompletableFuture().join();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.of(Fault.Kind.SERVER_ERROR), SourceOutcome.UNAVAILABLE),
                Arguments.of(Fault.of(Fault.Kind.RATE_LIMITED), SourceOutcome.UNAVAILABLE),
                Arguments.of(Fault.of(Fault.Kind.CONNECTION_RESET), SourceOutcome.UNAVAILABLE),
                Arguments.of(Fault.of(Fault.Kind.NO_ANSWER), SourceOutcome.TIMEOUT),
                Arguments.of(Fault.latency(Duration.ofSeconds(10)), SourceOutcome.TIMEOUT),
                Arguments.of(Fault.of(Fault.Kind.MALFORMED_JSON), SourceOutcome.MALFORMED_RESPONSE),
                Arguments.of(Fault.of(Fault.Kind.TRUNCATED_BODY), SourceOutcome.MALFORMED_RESPONSE),
                Arguments.of(Fault.oversized(30 * 1024 * 1024), SourceOutcome.MALFORMED_RESPONSE),
                Arguments.of(Fault.of(Fault.Kind.WRONG_HOLDER), SourceOutcome.MALFORMED_RESPONSE),
                Arguments.of(Fault.of(Fault.Kind.AUTHENTICATION_FAILURE), SourceOutcome.AUTHENTICATION_FAILED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void primaryFaultFallsThroughToTheCitySystem(Fault fault, SourceOutcome expected) {
        Route route = fault.kind() == Fault.Kind.WRONG_HOLDER ? Route.ONEWINDOW_GET : Route.ONEWINDOW_AUTH;
        platforms.simulator().faults().inject(route, fault);
        long t0 = System.nanoTime();
        RetrievalResult r = retrieveBusinessLicence();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(9));
        assertThat(r.attempts().get(0).channel()).isEqualTo("onewindow");
        assertThat(r.attempts().get(0).outcome()).isEqualTo(expected);
        assertThat(r.outcome()).isEqualTo(RetrievalOutcome.RETRIEVED);
        assertThat(r.channel()).isEqualTo("cityhub");
        assertThat(r.license().number()).isEqualTo(licence.number());
        assertThat(r.license().file().sha256()).isEqualTo(licence.sha256());
    }

    @ParameterizedTest(name = "both down: {0}")
    @MethodSource("faults")
    void bothDownFallsBackToMustSubmit(Fault fault, SourceOutcome expected) {
        if (fault.kind() == Fault.Kind.WRONG_HOLDER || fault.kind() == Fault.Kind.LATENCY || fault.kind() == Fault.Kind.NO_ANSWER) {
            return; // covered by the first test; two slow channels would only repeat it at twice the time
        }
        platforms.simulator().faults().inject(Route.ONEWINDOW_AUTH, fault).inject(Route.CITYHUB_QUERY, fault);
        RetrievalResult r = retrieveBusinessLicence();
        assertThat(r.outcome()).isEqualTo(RetrievalOutcome.MUST_SUBMIT);
        assertThat(r.reason()).isEqualTo(MustSubmitReason.NO_CHANNEL_AVAILABLE);
        assertThat(r.attempts()).extracting(a -> a.outcome()).containsExactly(expected, expected);
    }
}
