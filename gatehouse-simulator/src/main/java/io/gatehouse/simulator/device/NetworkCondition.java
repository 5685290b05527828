package io.gatehouse.simulator.device;

/**
 * The state of a device's network link, as the control API sets it. Down: the device's servers stop
 * listening (clients see connection refused) and everything it sends fails as unreachable. Slow: every
 * answer it gives and every request it sends is held back by {@code delayMillis}.
 */
public record NetworkCondition(boolean down, long delayMillis) {
    public static final NetworkCondition UP = new NetworkCondition(false, 0);

    public NetworkCondition {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    public static NetworkCondition offline() {
        return new NetworkCondition(true, 0);
    }

    public static NetworkCondition slow(long delayMillis) {
        return new NetworkCondition(false, delayMillis);
    }

    public String label() {
        return down ? "down" : delayMillis > 0 ? "slow " + delayMillis + " ms" : "up";
    }
}
