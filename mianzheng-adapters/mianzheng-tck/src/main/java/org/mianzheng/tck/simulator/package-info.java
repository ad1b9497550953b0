/**
 * Test support over the mianzheng simulator, shared by the test trees of the mianzheng platform adapters (onewindow,
 * cityhub): a ready {@link org.mianzheng.tck.LicenseSourceFixture} per simulated platform
 * ({@link org.mianzheng.tck.simulator.SimulatorFixture}), a load-test kit
 * ({@link org.mianzheng.tck.simulator.SimulatorLoadKit}) and a capture of what the tests log
 * ({@link org.mianzheng.tck.simulator.LogCapture}). Needs {@code mianzheng-simulator} on the test class path (an
 * optional dependency of this kit).
 */
package org.mianzheng.tck.simulator;
