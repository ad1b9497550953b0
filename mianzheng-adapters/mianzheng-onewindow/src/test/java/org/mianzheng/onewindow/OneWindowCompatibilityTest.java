package org.mianzheng.onewindow;

import java.time.Duration;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.PlatformCredentials;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.tck.LicenseSourceFixture;
import org.mianzheng.tck.simulator.SimulatorCompatibilityKit;
import org.mianzheng.tck.simulator.SimulatorFixture;

/** The onewindow client passes the LicenseSource contract kit against the simulator. */
class OneWindowCompatibilityTest extends SimulatorCompatibilityKit<OneWindowClient> {
    static PlatformConfig.Builder testConfig(Simulator sim) {
        return withTestSettings(PlatformConfig.builder(sim.oneWindowUrl(), new PlatformCredentials("ow-app", "ow-secret")));
    }

    @Override
    protected PlatformConfig.Builder config(Simulator sim) {
        return testConfig(sim);
    }

    @Override
    protected OneWindowClient create(PlatformConfig config) {
        return OneWindowClient.create(config);
    }

    @Override
    protected LicenseSourceFixture fixture(Simulator sim, Duration deadline) {
        return SimulatorFixture.oneWindow(sim, deadline);
    }
}
