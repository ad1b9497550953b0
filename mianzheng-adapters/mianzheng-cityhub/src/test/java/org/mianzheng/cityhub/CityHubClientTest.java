package org.mianzheng.cityhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.platform.RetryPolicy;
import org.mianzheng.simulator.Fault;
import org.mianzheng.simulator.Route;
import org.mianzheng.simulator.SampleData;
import org.mianzheng.simulator.SampleLicense;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.simulator.SimulatorConfig;
import org.mianzheng.tck.simulator.SimulatorFixture;

/** cityhub specifics: status codes of the field, verification, re-login, variant profile, purpose on the wire. */
class CityHubClientTest {
    private static Simulator sim;
    private static CityHubClient client;

    @BeforeAll
    static void start() {
        sim = Simulator.start(SimulatorConfig.defaults());
        client = CityHubClient.create(CityHubCompatibilityTest.testConfig(sim)
                .retry(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 1.0)).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clear() {
        sim.faults().clear();
    }

    private static SourceResult get(CityHubClient c, LicenseQuery q) {
        return c.retrieve(q).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static LicenseQuery valid() {
        return SimulatorFixture.query(sim.data().first(LicenseStatus.VALID, HolderKind.ORGANISATION), false);
    }

    @Test
    void fieldStatusCodesMapToTypedOutcomes() {
        Map<String, SourceOutcome> expected = Map.of("10", SourceOutcome.NOT_FOUND, "11", SourceOutcome.AUTHENTICATION_FAILED,
                "12", SourceOutcome.BAD_REQUEST, "13", SourceOutcome.BAD_REQUEST, "21", SourceOutcome.REVOKED, "22", SourceOutcome.EXPIRED,
                "23", SourceOutcome.RESTRICTED, "100", SourceOutcome.DENIED, "102", SourceOutcome.BAD_REQUEST, "103", SourceOutcome.BAD_REQUEST);
        for (Map.Entry<String, SourceOutcome> e : expected.entrySet()) {
            sim.faults().inject(Route.CITYHUB_QUERY, Fault.status(e.getKey()));
            SourceResult r = get(client, valid());
            assertThat(r.outcome()).as("status " + e.getKey()).isEqualTo(e.getValue());
            assertThat(r.platformCode()).isEqualTo(e.getKey());
        }
        sim.faults().inject(Route.CITYHUB_QUERY, Fault.status("113"));
        assertThat(get(client, valid()).outcome()).isEqualTo(SourceOutcome.BAD_REQUEST);
    }

    @Test
    void realValidationAnswersOfTheSimulator() {
        SampleLicense l = sim.data().first(LicenseStatus.VALID, HolderKind.ORGANISATION);
        LicenseQuery unknownType = new LicenseQuery("r-2", l.holder().id(), l.holder().name(), "ZZZ999", "ITEM-001", "BIZ-1", "clerk-7", "win-3",
                "办理", false);
        SourceResult r = get(client, unknownType);
        assertThat(r.outcome()).isEqualTo(SourceOutcome.BAD_REQUEST);
        assertThat(r.platformCode()).isEqualTo("113");
        LicenseQuery passport = new LicenseQuery("r-3", HolderId.other("E12345678"), "Jane Roe", SampleData.HOUSEHOLD_REGISTER, "ITEM-001", "BIZ-1",
                "clerk-7", "win-3", "办理", false);
        assertThat(get(client, passport).outcome()).isEqualTo(SourceOutcome.NOT_FOUND);
    }

    @Test
    void revokedAnswerCarriesTheLicence() {
        SampleLicense l = sim.data().first(LicenseStatus.REVOKED, HolderKind.ORGANISATION);
        SourceResult r = get(client, SimulatorFixture.query(l, true));
        assertThat(r.outcome()).isEqualTo(SourceOutcome.REVOKED);
        assertThat(r.platformCode()).isEqualTo("21");
        assertThat(r.license().status()).isEqualTo(LicenseStatus.REVOKED);
        assertThat(r.license().file()).as("no file for an unusable licence").isNull();
    }

    @Test
    void dataVerificationComparesDeclaredFields() {
        SampleLicense l = sim.data().first(LicenseStatus.VALID, HolderKind.ORGANISATION);
        LicenseQuery q = SimulatorFixture.query(l, false);
        VerificationResult ok = client.verify(q, Map.of("名称", l.holder().name(), "证照编号", l.number())).toCompletableFuture().join();
        assertThat(ok.outcome()).isEqualTo(SourceOutcome.FOUND);
        assertThat(ok.allMatch()).isTrue();
        VerificationResult bad = client.verify(q, Map.of("名称", "别的公司")).toCompletableFuture().join();
        assertThat(bad.matches()).containsEntry("名称", false);
        assertThat(bad.allMatch()).isFalse();
        VerificationResult none = client.verify(SimulatorFixture.query(sim.data().unknownHolder(), SampleData.HOUSEHOLD_REGISTER, false),
                Map.of("姓名", "x")).toCompletableFuture().join();
        assertThat(none.outcome()).isEqualTo(SourceOutcome.NOT_FOUND);
        sim.faults().inject(Route.CITYHUB_VERIFY, Fault.of(Fault.Kind.MALFORMED_JSON));
        assertThat(client.verify(q, Map.of("名称", "x")).toCompletableFuture().join().outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
    }

    @Test
    void rejectedTokenIsRefreshedOnce() {
        get(client, valid());
        int logins = sim.logins(Route.Platform.CITYHUB);
        sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.AUTHENTICATION_FAILURE).times(1));
        assertThat(get(client, valid()).outcome()).isEqualTo(SourceOutcome.FOUND);
        assertThat(sim.logins(Route.Platform.CITYHUB)).isEqualTo(logins + 1);
    }

    @Test
    void rateLimitingIsRetriedThenUnavailable() {
        sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.RATE_LIMITED).times(2));
        assertThat(get(client, valid()).outcome()).isEqualTo(SourceOutcome.FOUND);
        sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.RATE_LIMITED));
        int before = sim.requests();
        assertThat(get(client, valid()).outcome()).isEqualTo(SourceOutcome.UNAVAILABLE);
        assertThat(sim.requests() - before).isEqualTo(3);
    }

    @Test
    void systemBusyStatusIsRetriedLikeA503() {
        sim.faults().inject(Route.CITYHUB_QUERY, Fault.status("500").times(2));
        assertThat(get(client, valid()).outcome()).isEqualTo(SourceOutcome.FOUND);
        sim.faults().inject(Route.CITYHUB_QUERY, Fault.status("500"));
        SourceResult r = get(client, valid());
        assertThat(r.outcome()).isEqualTo(SourceOutcome.UNAVAILABLE);
        assertThat(r.platformCode()).isEqualTo("500");
    }

    @Test
    void nullQueryIsABadRequestNotAnException() {
        assertThat(get(client, null).outcome()).isEqualTo(SourceOutcome.BAD_REQUEST);
    }

    @Test
    void latencyBeyondTheCallTimeoutIsATimeout() {
        CityHubClient impatient = CityHubClient.create(CityHubCompatibilityTest.testConfig(sim)
                .timeouts(new org.mianzheng.platform.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(300))).build());
        get(impatient, valid());
        sim.faults().inject(Route.CITYHUB_QUERY, Fault.latency(Duration.ofMillis(900)));
        long t0 = System.nanoTime();
        SourceResult r = get(impatient, valid());
        assertThat(r.outcome()).isEqualTo(SourceOutcome.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void purposeTravelsInUseCause() {
        sim.clearCalls();
        get(client, SimulatorFixture.query(sim.data().first(LicenseStatus.VALID, HolderKind.ORGANISATION), true));
        assertThat(sim.calls()).extracting(c -> c.route()).containsExactly(Route.CITYHUB_QUERY, Route.CITYHUB_DOWNLOAD);
        assertThat(sim.calls()).allSatisfy(c -> {
            assertThat(c.itemCode()).isEqualTo("ITEM-001");
            assertThat(c.bizNo()).isEqualTo("BIZ-2026-0001");
            assertThat(c.purpose()).isEqualTo("办理食品经营许可");
        });
    }

    @Test
    void variantProfileRemapsStatusCodes() {
        String variant = "{\"name\":\"city-variant\",\"statusCodes\":{\"outcomes\":{\"777\":\"UNAVAILABLE\",\"10\":\"DENIED\"}}}";
        CityHubProfile p = CityHubProfile.fromJson(new ByteArrayInputStream(variant.getBytes(StandardCharsets.UTF_8)));
        CityHubClient c = CityHubClient.create(CityHubCompatibilityTest.testConfig(sim).build(), p);
        sim.faults().inject(Route.CITYHUB_QUERY, Fault.status("10"));
        assertThat(get(c, valid()).outcome()).isEqualTo(SourceOutcome.DENIED);
        sim.faults().inject(Route.CITYHUB_QUERY, Fault.status("777"));
        assertThat(get(c, valid()).outcome()).isEqualTo(SourceOutcome.UNAVAILABLE);
        assertThat(CityHubProfile.defaults().statusCodes().outcome("777")).isEmpty();
    }
}
