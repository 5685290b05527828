/**
 * Gatehouse's neutral event model: {@link io.gatehouse.core.event.AccessEvent} for a person at a door and
 * {@link io.gatehouse.core.event.AlarmEvent} for a device alarm, whatever vendor, channel or firmware version
 * reported them. Times are instants, scores are 0..1, images are decoded bytes named by their SHA-256.
 */
package io.gatehouse.core.event;
