package org.mianzheng.tck.simulator;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.mianzheng.api.spi.LicenseSource;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.RetryPolicy;
import org.mianzheng.platform.Timeouts;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.simulator.SimulatorConfig;
import org.mianzheng.tck.LicenseSourceCompatibilityKit;
import org.mianzheng.tck.LicenseSourceFixture;

/**
 * The {@link LicenseSourceCompatibilityKit} run against a platform client talking to the simulator: starts the
 * simulator with its defaults, installs {@link LogCapture}, creates the client and warms it up with one retrieval.
 * An adapter's compatibility test extends it and supplies the client and the fixture.
 *
 * @param <C> the client under test
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SimulatorCompatibilityKit<C extends LicenseSource> extends LicenseSourceCompatibilityKit {
    private Simulator sim;
    private C client;
    private LicenseSourceFixture fixture;

    /** For subclasses. */
    protected SimulatorCompatibilityKit() {
    }

    /**
     * Applies the settings the adapter tests share (short timeouts, quick retries, 2 MiB files) to a configuration.
     *
     * @param builder the configuration builder with the platform's URL and credentials
     * @return the same builder
     */
    public static PlatformConfig.Builder withTestSettings(PlatformConfig.Builder builder) {
        return builder
                .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(1000), Duration.ofMillis(2000)))
                .retry(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50), 0.5))
                .maxFileBytes(2 * 1024 * 1024);
    }

    /**
     * The configuration of the client under test.
     *
     * @param sim the running simulator
     * @return the configuration builder
     */
    protected abstract PlatformConfig.Builder config(Simulator sim);

    /**
     * Creates the client under test.
     *
     * @param config the configuration
     * @return the client
     */
    protected abstract C create(PlatformConfig config);

    /**
     * The fixture describing the simulated platform, e.g. {@link SimulatorFixture#cityHub}.
     *
     * @param sim the running simulator
     * @param deadline how long a retrieval may take at most
     * @return the fixture
     */
    protected abstract LicenseSourceFixture fixture(Simulator sim, Duration deadline);

    @BeforeAll
    void startSimulator() {
        LogCapture.install();
        sim = Simulator.start(SimulatorConfig.defaults());
        client = create(config(sim).build());
        fixture = fixture(sim, Duration.ofSeconds(8));
        // warm-up: class loading and JIT of the first call must not eat into the short test timeouts
        client.retrieve(fixture.found(true)).toCompletableFuture().join();
    }

    @AfterAll
    void stopSimulator() {
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
