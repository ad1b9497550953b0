/**
 * A simulator of both platforms' reference profiles for tests and demos: {@link org.mianzheng.simulator.Simulator}
 * (start, base URLs, close), {@link org.mianzheng.simulator.SimulatorConfig}, per-route
 * {@link org.mianzheng.simulator.Fault} injection ({@link org.mianzheng.simulator.Faults}), seeded
 * {@link org.mianzheng.simulator.SampleData}, the directed-request {@link org.mianzheng.simulator.Desk} whose
 * departments answer, return or stay silent after delays on a {@link org.mianzheng.simulator.ManualClock}.
 * It checks request signatures and tokens as a real platform would.
 */
package org.mianzheng.simulator;
