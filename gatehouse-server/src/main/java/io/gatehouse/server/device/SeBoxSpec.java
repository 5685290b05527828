package io.gatehouse.server.device;

import io.gatehouse.protocol.sophon.SophonVersion;
import java.util.List;

/**
 * A Sophon SE box: its camera list over REST, its event WebSocket, the document version it speaks (the two
 * configurations differ and a box refuses the other's), and the cameras to follow (empty: all of them, including
 * cameras added later).
 */
public record SeBoxSpec(String host, int restPort, int webSocketPort, SophonVersion version, List<String> cameras)
        implements DeviceSpec {
    public static final int DEFAULT_REST_PORT = 5555;
    public static final int DEFAULT_WEBSOCKET_PORT = 5679;

    public SeBoxSpec {
        cameras = List.copyOf(cameras);
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.SE_BOX;
    }
}
