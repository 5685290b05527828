package io.gatehouse.server.forward;

import java.time.Duration;

/**
 * How forwarders pace themselves.
 *
 * @param requestTimeout     how long one delivery may take before it counts as failed
 * @param firstBackoff       the wait after the first failure; it doubles with each failure in a row
 * @param maxBackoff         the longest wait between attempts
 * @param cursorSaveInterval how often an advanced cursor is written: the most a crash can make a target receive twice
 */
record ForwardSettings(Duration requestTimeout, Duration firstBackoff, Duration maxBackoff,
                       Duration cursorSaveInterval) {
    static final ForwardSettings DEFAULTS = new ForwardSettings(Duration.ofSeconds(10), Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofSeconds(1));
}
