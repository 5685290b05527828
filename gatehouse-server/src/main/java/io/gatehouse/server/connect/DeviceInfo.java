package io.gatehouse.server.connect;

import java.util.List;

/**
 * Facts a connector learned from its device. Terminals: {@code serial}, {@code model}, {@code firmware} (from
 * {@code /v1/device/info}, or the {@code sn}/{@code model} headers firmware v1.2.1+ puts on every answer);
 * {@code cameraIds} empty. SE boxes: the camera ids of {@code /SophonDevice/api/Devices}; the box's protocol has
 * no serial, model or firmware, so those are {@code null}.
 */
public record DeviceInfo(String serial, String model, String firmware, List<String> cameraIds) {
    public DeviceInfo {
        cameraIds = cameraIds == null ? List.of() : List.copyOf(cameraIds);
    }
}
