/**
 * Whole-hub benchmarks with emulated fleets: a terminal replaying its 50,000-record offline cache into a hub
 * ({@link io.gatehouse.bench.fleet.ReplayBench}), and thousands of terminals whose WebSocket the hub's connectors
 * hold ({@link io.gatehouse.bench.fleet.FanInBench}). The hub runs as the real {@code gatehouse serve} in a child
 * JVM with the heap and flight-recorder options under test, so its memory and profile are its own; the helpers
 * here start it, talk to its admin API, and read its heap and resident memory from outside.
 */
package io.gatehouse.bench.fleet;
