package io.gatehouse.server.connect;

import io.gatehouse.protocol.json.DecodeLimits;
import io.gatehouse.protocol.sense.LoginRequest;
import java.time.Duration;

/**
 * The clocks and limits of every connector.
 *
 * @param driftCheck        how often a terminal's configuration is read back and repaired (and its facts refreshed)
 * @param cameraRefresh     how often an SE box's camera list is read again
 * @param backoffMin        first reconnect delay after a failure
 * @param backoffMax        longest reconnect delay; delays double up to it, each drawn at random (full jitter)
 * @param ping              WebSocket ping period; a socket that answers no ping for two periods is closed and reopened
 * @param requestTimeout    connect and answer time of one request, and of a WebSocket handshake
 * @param tokenValidMinutes {@code validTime} asked for at login, 1..1440; the token is renewed at half its life
 * @param maxMessageBytes   largest WebSocket message or HTTP answer accepted from a device
 */
public record ConnectorSettings(Duration driftCheck, Duration cameraRefresh, Duration backoffMin, Duration backoffMax,
                                Duration ping, Duration requestTimeout, int tokenValidMinutes, int maxMessageBytes) {

    public ConnectorSettings {
        for (Duration d : new Duration[] {driftCheck, cameraRefresh, backoffMin, backoffMax, ping, requestTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("connector intervals must be positive");
            }
        }
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw new IllegalArgumentException("backoffMax must not be shorter than backoffMin");
        }
        if (tokenValidMinutes < 1 || tokenValidMinutes > LoginRequest.MAX_VALID_MINUTES) {
            throw new IllegalArgumentException("tokenValidMinutes must be 1.." + LoginRequest.MAX_VALID_MINUTES);
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1024");
        }
    }

    /**
     * For sites: configuration checked every 5 minutes, cameras every minute, reconnects from 1 s to 60 s, a ping
     * every 20 s, 10 s per request, 60-minute tokens, messages up to the decoder's 8 MiB.
     */
    public static ConnectorSettings production() {
        return new ConnectorSettings(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(10), 60,
                DecodeLimits.DEFAULT.maxDocumentBytes());
    }

    /** For tests against the emulator: everything in a fraction of a second. */
    public static ConnectorSettings forTests() {
        return new ConnectorSettings(Duration.ofMillis(400), Duration.ofMillis(300), Duration.ofMillis(50),
                Duration.ofMillis(400), Duration.ofMillis(200), Duration.ofSeconds(3), 60,
                DecodeLimits.DEFAULT.maxDocumentBytes());
    }

    public ConnectorSettings withDriftCheck(Duration value) {
        return new ConnectorSettings(value, cameraRefresh, backoffMin, backoffMax, ping, requestTimeout,
                tokenValidMinutes, maxMessageBytes);
    }

    public ConnectorSettings withBackoff(Duration min, Duration max) {
        return new ConnectorSettings(driftCheck, cameraRefresh, min, max, ping, requestTimeout, tokenValidMinutes,
                maxMessageBytes);
    }

    public ConnectorSettings withTokenValidMinutes(int minutes) {
        return new ConnectorSettings(driftCheck, cameraRefresh, backoffMin, backoffMax, ping, requestTimeout, minutes,
                maxMessageBytes);
    }
}
