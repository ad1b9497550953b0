package org.mianzheng.cityhub;

import java.time.Duration;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.PlatformCredentials;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.tck.LicenseSourceFixture;
import org.mianzheng.tck.simulator.SimulatorCompatibilityKit;
import org.mianzheng.tck.simulator.SimulatorFixture;

/** The cityhub client passes the LicenseSource contract kit against the simulator. */
class CityHubCompatibilityTest extends SimulatorCompatibilityKit<CityHubClient> {
    static PlatformConfig.Builder testConfig(Simulator sim) {
        return withTestSettings(PlatformConfig.builder(sim.cityHubUrl(), new PlatformCredentials("ch-app", "ch-secret")));
    }

    @Override
    protected PlatformConfig.Builder config(Simulator sim) {
        return testConfig(sim);
    }

    @Override
    protected CityHubClient create(PlatformConfig config) {
        return CityHubClient.create(config);
    }

    @Override
    protected LicenseSourceFixture fixture(Simulator sim, Duration deadline) {
        return SimulatorFixture.cityHub(sim, deadline);
    }
}
