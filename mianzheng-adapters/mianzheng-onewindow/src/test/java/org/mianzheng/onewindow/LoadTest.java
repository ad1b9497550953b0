package org.mianzheng.onewindow;

import org.mianzheng.api.HolderKind;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.PlatformCredentials;
import org.mianzheng.simulator.SampleLicense;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.tck.simulator.SimulatorLoadKit;

/**
 * 1,000 concurrent retrievals (each two calls: license/auth and license/get) against the simulator with 50 ms latency per call: all answered, no thread growth, connections
 * bounded by the client's concurrency limit, nothing left in flight. Prints throughput and latency percentiles
 * (figures in docs/BENCHMARKS.md, "Platform adapters").
 */
class LoadTest extends SimulatorLoadKit<OneWindowClient> {
    @Override
    protected String platform() {
        return "onewindow";
    }

    @Override
    protected int callsPerRetrieval() {
        return 2; // license/auth and license/get
    }

    @Override
    protected PlatformConfig.Builder config(Simulator sim) {
        return PlatformConfig.builder(sim.oneWindowUrl(), new PlatformCredentials("ow-app", "ow-secret"));
    }

    @Override
    protected OneWindowClient create(PlatformConfig config) {
        return OneWindowClient.create(config);
    }

    @Override
    protected SampleLicense license(Simulator sim) {
        return sim.data().first(LicenseStatus.VALID, HolderKind.PERSON);
    }

    @Override
    protected int inFlight(OneWindowClient client) {
        return client.inFlight();
    }
}
