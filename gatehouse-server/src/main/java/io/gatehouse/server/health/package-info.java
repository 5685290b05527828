/**
 * Health and metrics for operators and orchestrators: liveness, readiness (every feature may add a
 * {@link io.gatehouse.server.health.ReadinessCheck}), and the Prometheus scrape of the hub's one meter registry,
 * to which every feature adds its own meters.
 */
package io.gatehouse.server.health;
