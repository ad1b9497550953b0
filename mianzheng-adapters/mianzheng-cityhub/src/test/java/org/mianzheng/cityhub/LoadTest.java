package org.mianzheng.cityhub;

import org.mianzheng.api.HolderKind;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.PlatformCredentials;
import org.mianzheng.simulator.SampleLicense;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.tck.simulator.SimulatorLoadKit;

/**
 * 1,000 concurrent retrievals against the simulator with 50 ms latency: all answered, no thread growth, connections
 * bounded by the client's concurrency limit, nothing left in flight. Prints throughput and latency percentiles
 * (figures in docs/BENCHMARKS.md, "Platform adapters").
 */
class LoadTest extends SimulatorLoadKit<CityHubClient> {
    @Override
    protected String platform() {
        return "cityhub";
    }

    @Override
    protected int callsPerRetrieval() {
        return 1;
    }

    @Override
    protected PlatformConfig.Builder config(Simulator sim) {
        return PlatformConfig.builder(sim.cityHubUrl(), new PlatformCredentials("ch-app", "ch-secret"));
    }

    @Override
    protected CityHubClient create(PlatformConfig config) {
        return CityHubClient.create(config);
    }

    @Override
    protected SampleLicense license(Simulator sim) {
        return sim.data().first(LicenseStatus.VALID, HolderKind.ORGANISATION);
    }

    @Override
    protected int inFlight(CityHubClient client) {
        return client.inFlight();
    }
}
