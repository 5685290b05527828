/**
 * Normalizers from every device dialect to the neutral model: one per family, each small, with
 * {@link io.gatehouse.core.normalize.EventNormalizer} as the single entry. They decide how each vendor's
 * times, scores, person types and images map to {@link io.gatehouse.core.event.AccessEvent}.
 */
package io.gatehouse.core.normalize;
