package io.gatehouse.simulator.device;

import java.time.Duration;

/**
 * The clocks of emulated devices. Real terminals count in minutes and send a heartbeat every 30 s; tests
 * shrink these so that a JWT expiry or a fall-back to local authorization takes a second, not an hour.
 *
 * @param minute             how long one protocol "minute" lasts (JWT validTime, remote_auth_timeout_to_local_auth)
 * @param heartbeatInterval  period of the heartbeat GET to the remote-authorization address
 * @param remoteAuthDeadline how long the terminal waits for a remote-authorization answer
 * @param pushTimeout        how long a record push may take before it counts as failed
 * @param retryInterval      pause before the terminal retries the push of its offline cache
 */
public record DeviceTiming(Duration minute, Duration heartbeatInterval, Duration remoteAuthDeadline,
                           Duration pushTimeout, Duration retryInterval) {

    public static final DeviceTiming DOCUMENTED = new DeviceTiming(Duration.ofMinutes(1), Duration.ofSeconds(30),
            Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(5));

    public DeviceTiming {
        for (Duration d : new Duration[] {minute, heartbeatInterval, remoteAuthDeadline, pushTimeout, retryInterval}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("device timings must be positive");
            }
        }
    }

    /** Fast clocks for tests: a minute of 1 s, heartbeats every 100 ms, retries every 100 ms. */
    public static DeviceTiming fast() {
        return new DeviceTiming(Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofMillis(100));
    }

    public DeviceTiming withMinute(Duration value) {
        return new DeviceTiming(value, heartbeatInterval, remoteAuthDeadline, pushTimeout, retryInterval);
    }

    public DeviceTiming withRemoteAuthDeadline(Duration value) {
        return new DeviceTiming(minute, heartbeatInterval, value, pushTimeout, retryInterval);
    }

    public long minutesToMillis(long minutes) {
        return minute.toMillis() * minutes;
    }
}
