package org.mianzheng.examples;

import java.time.Duration;
import org.mianzheng.cityhub.CityHubClient;
import org.mianzheng.onewindow.OneWindowClient;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.RetryPolicy;
import org.mianzheng.platform.Timeouts;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.simulator.SimulatorConfig;

/**
 * Both platforms on loopback: the simulator (regional 综合一窗 platform, city 数据调用核验系统 with its directed-request
 * desk) on an OS-chosen port, and the two real clients configured against it.
 */
public final class DemoPlatforms implements AutoCloseable {
    private final Simulator simulator;
    private final OneWindowClient oneWindow;
    private final CityHubClient cityHub;

    /**
     * @param port port for the simulator, 0 for an OS-chosen one
     */
    public DemoPlatforms(int port) {
        this.simulator = Simulator.start(SimulatorConfig.builder().host("127.0.0.1").port(port).seed(20231011L).build());
        Timeouts timeouts = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5));
        RetryPolicy retry = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100), 0.5);
        this.oneWindow = OneWindowClient.create(PlatformConfig.builder(simulator.oneWindowUrl(), simulator.config().oneWindow())
                .timeouts(timeouts).retry(retry).build());
        this.cityHub = CityHubClient.create(PlatformConfig.builder(simulator.cityHubUrl(), simulator.config().cityHub())
                .timeouts(timeouts).retry(retry).build());
    }

    /** @return the simulator (sample data, fault injection, the departments' desk) */
    public Simulator simulator() {
        return simulator;
    }

    /** @return the regional platform's client */
    public OneWindowClient oneWindow() {
        return oneWindow;
    }

    /** @return the city system's client */
    public CityHubClient cityHub() {
        return cityHub;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
