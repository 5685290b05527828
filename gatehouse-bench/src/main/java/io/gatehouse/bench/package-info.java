/**
 * Benchmarks: JMH for the hot code paths (decode and normalize, the decision pipeline, the writer's batch
 * commit), and what the end-to-end benchmarks in the sub-packages share: a hub or simulator in a child JVM
 * ({@link io.gatehouse.bench.ChildJvm}), the one client of a running hub's admin API and metrics
 * ({@link io.gatehouse.bench.HubClient}, {@link io.gatehouse.bench.Metrics}). Numbers and the commands that produced
 * them go to {@code docs/PERFORMANCE.md}; no test asserts a time.
 */
package io.gatehouse.bench;
