package io.gatehouse.core.store;

import java.time.Duration;

/**
 * What the store did with one event, reported only once the commit holding it is durable.
 *
 * @param seq       the event's position in the store, increasing with every stored event; for a duplicate,
 *                  the position of the copy stored earlier
 * @param duplicate true when the same event (same dedupe key) was already stored
 * @param lateBy    how long after it happened the event arrived, when that exceeds the late threshold;
 *                  {@code null} for a timely event
 */
public record AppendResult(long seq, boolean duplicate, Duration lateBy) {
}
