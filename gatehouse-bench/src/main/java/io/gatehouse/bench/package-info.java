/**
 * Benchmarks: JMH for the hot code paths (decode and normalize, the decision pipeline, the writer's batch
 * commit). Numbers and the commands that produced them go to {@code docs/PERFORMANCE.md}; no test asserts a
 * time.
 */
package io.gatehouse.bench;
