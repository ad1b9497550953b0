package org.mianzheng.simulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Faults per route, and a latency for every route. Thread-safe. */
public final class Faults {
    private final Map<Route, Fault> byRoute = new EnumMap<>(Route.class);
    private Duration latency = Duration.ZERO;

    Faults(Duration latency) {
        this.latency = latency;
    }

    /**
     * @param route route
     * @param fault fault (replaces any other on that route)
     * @return this
     */
    public synchronized Faults inject(Route route, Fault fault) {
        byRoute.put(route, fault);
        return this;
    }

    /**
     * @param route route
     * @return this
     */
    public synchronized Faults clear(Route route) {
        byRoute.remove(route);
        return this;
    }

    /** @return this, with no faults left (the latency stays) */
    public synchronized Faults clear() {
        byRoute.clear();
        return this;
    }

    /**
     * @param d latency added to every answer
     * @return this
     */
    public synchronized Faults latency(Duration d) {
        this.latency = d;
        return this;
    }

    /** @return the latency of every answer */
    public synchronized Duration latency() {
        return latency;
    }

    /**
     * Takes the fault for one request on a route (counting it down).
     *
     * @param route route
     * @return the fault or {@code null}
     */
    synchronized Fault take(Route route) {
        Fault f = byRoute.get(route);
        if (f == null) {
            return null;
        }
        if (f.times() > 0) {
            if (f.times() == 1) {
                byRoute.remove(route);
            } else {
                byRoute.put(route, new Fault(f.kind(), f.delay(), f.code(), f.bytes(), f.times() - 1));
            }
        }
        return f;
    }
}
