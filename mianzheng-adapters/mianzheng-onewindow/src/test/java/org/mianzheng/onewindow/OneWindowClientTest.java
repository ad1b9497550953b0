package org.mianzheng.onewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.FileType;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.platform.PlatformCredentials;
import org.mianzheng.platform.ProfileException;
import org.mianzheng.platform.RetryPolicy;
import org.mianzheng.platform.SignatureAlgorithm;
import org.mianzheng.simulator.Fault;
import org.mianzheng.simulator.ManualClock;
import org.mianzheng.simulator.Route;
import org.mianzheng.simulator.SampleData;
import org.mianzheng.simulator.SampleLicense;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.simulator.SimulatorConfig;
import org.mianzheng.tck.simulator.SimulatorFixture;

/** onewindow specifics: tokens, re-login, bounded retries, signatures, profiles. */
class OneWindowClientTest {
    private Simulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static SourceResult get(OneWindowClient c, LicenseQuery q) {
        return c.retrieve(q).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private LicenseQuery valid(boolean withFile) {
        return SimulatorFixture.query(sim.data().first(LicenseStatus.VALID, HolderKind.PERSON), withFile);
    }

    @Test
    void tokenIsReusedThenRefreshedBeforeExpiry() {
        ManualClock clock = new ManualClock(Instant.parse("2026-05-11T02:00:00Z"));
        sim = Simulator.start(SimulatorConfig.builder().clock(clock).tokenTtl(Duration.ofMinutes(30)).build());
        OneWindowClient c = OneWindowClient.create(OneWindowCompatibilityTest.testConfig(sim).clock(clock).tokenRefreshMargin(Duration.ofMinutes(2)).build());
        assertThat(get(c, valid(false)).outcome()).isEqualTo(SourceOutcome.FOUND);
        assertThat(get(c, valid(false)).outcome()).isEqualTo(SourceOutcome.FOUND);
        assertThat(sim.logins(Route.Platform.ONEWINDOW)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(27));
        assertThat(get(c, valid(false)).outcome()).isEqualTo(SourceOutcome.FOUND);
        assertThat(sim.logins(Route.Platform.ONEWINDOW)).as("refreshed 2 min before expiry").isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        assertThat(get(c, valid(false)).outcome()).isEqualTo(SourceOutcome.FOUND);
        assertThat(sim.logins(Route.Platform.ONEWINDOW)).isEqualTo(2);
    }

    @Test
    void rejectedTokenIsRefreshedOnceAndTheCallRepeated() {
        sim = Simulator.start(SimulatorConfig.defaults());
        OneWindowClient c = OneWindowClient.create(OneWindowCompatibilityTest.testConfig(sim).build());
        assertThat(get(c, valid(false)).outcome()).isEqualTo(SourceOutcome.FOUND);
        sim.faults().inject(Route.ONEWINDOW_GET, Fault.of(Fault.Kind.AUTHENTICATION_FAILURE).times(1));
        assertThat(get(c, valid(false)).outcome()).isEqualTo(SourceOutcome.FOUND);
        assertThat(sim.logins(Route.Platform.ONEWINDOW)).isEqualTo(2);
        sim.faults().inject(Route.ONEWINDOW_GET, Fault.of(Fault.Kind.AUTHENTICATION_FAILURE));
        SourceResult r = get(c, valid(false));
        assertThat(r.outcome()).isEqualTo(SourceOutcome.AUTHENTICATION_FAILED);
        assertThat(r.platformCode()).isEqualTo("1001");
        assertThat(sim.logins(Route.Platform.ONEWINDOW)).as("only one re-login per call").isEqualTo(3);
    }

    @Test
    void idempotentCallsAreRetriedWithinTheBound() {
        sim = Simulator.start(SimulatorConfig.defaults());
        OneWindowClient c = OneWindowClient.create(OneWindowCompatibilityTest.testConfig(sim)
                .retry(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 1.0)).build());
        assertThat(get(c, valid(false)).outcome()).isEqualTo(SourceOutcome.FOUND);
        sim.faults().inject(Route.ONEWINDOW_GET, Fault.of(Fault.Kind.SERVER_ERROR).times(2));
        assertThat(get(c, valid(false)).outcome()).as("two 503s, then success").isEqualTo(SourceOutcome.FOUND);
        sim.faults().inject(Route.ONEWINDOW_GET, Fault.of(Fault.Kind.RATE_LIMITED));
        int before = sim.requests();
        assertThat(get(c, valid(false)).outcome()).isEqualTo(SourceOutcome.UNAVAILABLE);
        assertThat(sim.requests() - before).as("auth once, get three times").isEqualTo(4);
    }

    @Test
    void wrongSecretIsAuthenticationFailed() {
        sim = Simulator.start(SimulatorConfig.defaults());
        OneWindowClient c = OneWindowClient.create(org.mianzheng.platform.PlatformConfig.builder(sim.oneWindowUrl(),
                new PlatformCredentials("ow-app", "not-the-secret")).build());
        SourceResult r = get(c, valid(false));
        assertThat(r.outcome()).isEqualTo(SourceOutcome.AUTHENTICATION_FAILED);
        assertThat(r.platformCode()).isEqualTo("1002");
    }

    @Test
    void sm3SignaturesWhenThePlatformRequiresThem() {
        sim = Simulator.start(SimulatorConfig.builder().signatureAlgorithm(SignatureAlgorithm.HMAC_SM3).build());
        OneWindowClient sm3 = OneWindowClient.create(OneWindowCompatibilityTest.testConfig(sim).signatureAlgorithm(SignatureAlgorithm.HMAC_SM3).build());
        assertThat(get(sm3, valid(true)).outcome()).isEqualTo(SourceOutcome.FOUND);
        OneWindowClient sha = OneWindowClient.create(OneWindowCompatibilityTest.testConfig(sim).build());
        assertThat(get(sha, valid(false)).outcome()).isEqualTo(SourceOutcome.AUTHENTICATION_FAILED);
    }

    @Test
    void pngLicenceFileAndOrganisationHolder() {
        sim = Simulator.start(SimulatorConfig.defaults());
        OneWindowClient c = OneWindowClient.create(OneWindowCompatibilityTest.testConfig(sim).build());
        SampleLicense driving = sim.data().licenses().stream().filter(l -> l.typeCode().equals(SampleData.DRIVING_LICENSE)).findFirst().orElseThrow();
        SourceResult r = get(c, SimulatorFixture.query(driving, true));
        assertThat(r.license().file().type()).isEqualTo(FileType.PNG);
        assertThat(r.license().file().sha256()).isEqualTo(driving.sha256());
        assertThat(r.license().surface()).containsEntry("证照编号", driving.number());
        SampleLicense business = sim.data().first(LicenseStatus.VALID, HolderKind.ORGANISATION);
        SourceResult b = get(c, SimulatorFixture.query(business, true));
        assertThat(b.outcome()).isEqualTo(SourceOutcome.FOUND);
        assertThat(b.license().identifier()).isEqualTo(business.identifier());
        assertThat(b.license().validUntil()).as("长期").isNull();
    }

    @Test
    void fileOverTheLimitIsMalformed() {
        sim = Simulator.start(SimulatorConfig.defaults());
        OneWindowClient c = OneWindowClient.create(OneWindowCompatibilityTest.testConfig(sim).maxFileBytes(200).build());
        SourceResult r = get(c, valid(true));
        assertThat(r.outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(r.detail()).contains("exceeds the limit");
    }

    @Test
    void variantProfileMapsItsOwnStatusCodesWithoutJavaCode() {
        sim = Simulator.start(SimulatorConfig.defaults());
        String variant = "{\"name\":\"variant\",\"statusCodes\":{\"outcomes\":{\"9999\":\"DENIED\"}}}";
        OneWindowProfile p = OneWindowProfile.fromJson(new ByteArrayInputStream(variant.getBytes(StandardCharsets.UTF_8)));
        assertThat(p.name()).isEqualTo("variant");
        assertThat(p.paths()).isEqualTo(OneWindowProfile.defaults().paths());
        OneWindowClient c = OneWindowClient.create(OneWindowCompatibilityTest.testConfig(sim).build(), p);
        sim.faults().inject(Route.ONEWINDOW_GET, Fault.status("9999"));
        SourceResult r = get(c, valid(false));
        assertThat(r.outcome()).isEqualTo(SourceOutcome.DENIED);
        assertThat(r.platformCode()).isEqualTo("9999");
        OneWindowClient reference = OneWindowClient.create(OneWindowCompatibilityTest.testConfig(sim).build());
        SourceResult unknown = get(reference, valid(false));
        assertThat(unknown.outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(unknown.platformCode()).isEqualTo("9999");
    }

    @Test
    void variantWithRenamedPathReachesNothingAndSaysSo() {
        sim = Simulator.start(SimulatorConfig.defaults());
        String variant = "{\"paths\":{\"get\":\"/api/v2/license/surface\"}}";
        OneWindowProfile p = OneWindowProfile.fromJson(new ByteArrayInputStream(variant.getBytes(StandardCharsets.UTF_8)));
        assertThat(p.paths().get()).isEqualTo("/api/v2/license/surface");
        SourceResult r = get(OneWindowClient.create(OneWindowCompatibilityTest.testConfig(sim).build(), p), valid(false));
        assertThat(r.outcome()).as("the simulator answers 404 in plain text").isEqualTo(SourceOutcome.BAD_REQUEST);
    }

    @Test
    void badProfilesNameTheFieldAtFault() {
        assertThatThrownBy(() -> OneWindowProfile.fromJson(new ByteArrayInputStream("{\"paths\":{\"auth\":\"\"}}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ProfileException.class).hasMessageContaining("/paths/auth");
        assertThatThrownBy(() -> OneWindowProfile.fromJson(new ByteArrayInputStream(
                "{\"statusCodes\":{\"outcomes\":{\"1\":\"MAYBE\"}}}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ProfileException.class).hasMessageContaining("/statusCodes/outcomes/1");
        assertThatThrownBy(() -> OneWindowProfile.fromJson(new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ProfileException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void unreachablePlatformIsUnavailable() {
        sim = Simulator.start(SimulatorConfig.defaults());
        var config = OneWindowCompatibilityTest.testConfig(sim).build();
        sim.close();
        sim = null;
        assertThat(get(OneWindowClient.create(config), SimulatorFixture.query(SampleData.seeded(1L).persons().get(0), SampleData.HOUSEHOLD_REGISTER, false))
                .outcome()).isEqualTo(SourceOutcome.UNAVAILABLE);
    }
}
