package org.mianzheng.cityhub;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mianzheng.api.spi.LicenseSource;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.PlatformCredentials;
import org.mianzheng.platform.RetryPolicy;
import org.mianzheng.platform.Timeouts;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.simulator.SimulatorConfig;
import org.mianzheng.tck.LicenseSourceCompatibilityKit;
import org.mianzheng.tck.LicenseSourceFixture;

/** The cityhub client passes the LicenseSource contract kit against the simulator. */
class CityHubCompatibilityTest extends LicenseSourceCompatibilityKit {
    private static Simulator sim;
    private static CityHubClient client;
    private static SimulatorFixture fixture;

    @BeforeAll
    static void start() {
        LogCapture.install();
        sim = Simulator.start(SimulatorConfig.defaults());
        client = CityHubClient.create(testConfig(sim).build());
        fixture = new SimulatorFixture(sim, Duration.ofSeconds(8));
        client.retrieve(fixture.found(true)).toCompletableFuture().join();
    }

    static PlatformConfig.Builder testConfig(Simulator sim) {
        return PlatformConfig.builder(sim.cityHubUrl(), new PlatformCredentials("ch-app", "ch-secret"))
                .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(1000), Duration.ofMillis(2000)))
                .retry(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50), 0.5))
                .maxFileBytes(2 * 1024 * 1024);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Override
    protected LicenseSource source() {
        return client;
    }

    @Override
    protected LicenseSourceFixture fixture() {
        return fixture;
    }
}
