package io.gatehouse.simulator.sophon;

import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.simulator.roster.Roster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One emulated SE box.
 *
 * @param boxId         how the control API and the Java API name it (the box's protocol has no serial)
 * @param version       the document version it speaks, V5 (seed 004) or V6
 * @param restPort      5555 documented; 0 picks a free port
 * @param webSocketPort 5679 documented; 0 picks a free port
 * @param rate          recognitions per second per camera; 0 = only when asked
 */
public record SeBoxConfig(String boxId, SophonVersion version, String address, int restPort, int webSocketPort,
                          List<Camera> cameras, double rate, Roster roster, long seed) {
    public static final int DOCUMENTED_REST_PORT = 5555;
    public static final int DOCUMENTED_WEBSOCKET_PORT = 5679;

    public SeBoxConfig {
        cameras = List.copyOf(cameras);
        if (rate < 0) {
            throw new IllegalArgumentException("rate must not be negative");
        }
    }

    /** {@code count} cameras with ids derived from the box id, so they are the same on every run. */
    public static List<Camera> cameras(String boxId, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Camera(UUID.nameUUIDFromBytes((boxId + "/camera/" + i).getBytes(StandardCharsets.UTF_8))
                        .toString(), "camera-" + (i + 1)))
                .toList();
    }
}
