package io.gatehouse.server.store;

import java.time.Duration;

/**
 * What the store forgets, and how fast. Both limits are off by default: the hub keeps everything until an
 * operator says otherwise.
 *
 * @param maxAge   events that happened longer ago are deleted; {@link Duration#ZERO} keeps them forever
 * @param maxBytes when the database and the images together take more, the oldest events go; 0 = no limit
 * @param interval how often retention checks the limits
 * @param batch    events deleted per step; the writer commits new events between steps
 * @param decisionMaxAge entries of the decision log decided longer ago are deleted (in the same steps, at the same
 *                 interval); {@link Duration#ZERO} keeps them forever
 */
public record RetentionSettings(Duration maxAge, long maxBytes, Duration interval, int batch, Duration decisionMaxAge) {
    public static final RetentionSettings DEFAULTS = new RetentionSettings(Duration.ZERO, 0, Duration.ofMinutes(1), 500);

    public RetentionSettings {
        if (maxAge.isNegative() || maxBytes < 0 || interval.isNegative() || interval.isZero() || batch < 1
                || decisionMaxAge.isNegative()) {
            throw new IllegalArgumentException("retention limits must be positive (0 = off), interval and batch above 0");
        }
    }

    /** Limits for events only; the decision log is kept forever. */
    public RetentionSettings(Duration maxAge, long maxBytes, Duration interval, int batch) {
        this(maxAge, maxBytes, interval, batch, Duration.ZERO);
    }

    boolean byAge() {
        return !maxAge.isZero();
    }

    boolean bySize() {
        return maxBytes > 0;
    }
}
