/**
 * What every emulated device shares: its counters, its network condition, its clocks
 * ({@link io.gatehouse.simulator.device.DeviceTiming}, shrinkable for tests), the self-signed certificate and
 * the few JPEG faces generated once per process and reused by the whole fleet, and the
 * {@link io.gatehouse.simulator.device.SimulatedDevice} face that tests and the control API drive.
 */
package io.gatehouse.simulator.device;
