package io.gatehouse.simulator.sophon;

import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.sophon.SophonConfig;
import io.gatehouse.protocol.sophon.SophonDecoder;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.simulator.device.Counter;
import io.gatehouse.simulator.device.DeviceCounters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;

/**
 * One client of the box's WebSocket. It gets nothing until it sends a configuration; each configuration
 * replaces the previous one. The box takes JSON in its own version's field names only: a Python dict
 * literal (as the document prints it) or the other version's names close the connection with a reason that
 * says what to send instead (1007 for an unreadable payload, 1008 for the wrong version's names).
 */
final class BoxSubscriber {
    /** WebSocket close reasons are limited to 123 bytes of UTF-8. */
    private static final int MAX_REASON_BYTES = 123;

    private final ServerWebSocket socket;
    private final SophonVersion version;
    private final DeviceCounters counters;
    private SophonConfig config;

    BoxSubscriber(ServerWebSocket socket, SophonVersion version, DeviceCounters counters) {
        this.socket = socket;
        this.version = version;
        this.counters = counters;
    }

    SophonConfig config() {
        return config;
    }

    void onMessage(Buffer payload) {
        SophonConfig received;
        try {
            received = ProtocolCodec.standard().decode(payload.getBytes(), SophonDecoder::readConfig);
        } catch (DecodeException e) {
            refuse((short) 1007, e.reason().contains("Python dict literal")
                    ? "configuration is a Python dict literal, not JSON: send it as json.dumps writes it"
                    : "configuration refused: " + e.getMessage());
            return;
        }
        if (received.version() != version) {
            refuse((short) 1008, version == SophonVersion.V6
                    ? "this box speaks V6: send with_face_image, with_register_image, media_device_ids"
                    : "this box speaks V5: send need_face, need_register, event_list");
            return;
        }
        config = received;
    }

    boolean wants(String cameraId) {
        return config != null && config.cameras().contains(cameraId);
    }

    void send(String text) {
        if (!socket.isClosed() && !socket.writeQueueFull()) {
            try {
                socket.writeTextMessage(text);
                counters.increment(Counter.STREAMED);
            } catch (IllegalStateException closedMeanwhile) {
                // closed between the check and the write (another thread); its close handler drops it
            }
        }
    }

    void close() {
        socket.close();
    }

    private void refuse(short status, String reason) {
        counters.increment(Counter.REFUSED);
        socket.close(status, fit(reason));
    }

    private static String fit(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return reason;
        }
        String cut = new String(bytes, 0, MAX_REASON_BYTES - 3, StandardCharsets.UTF_8);
        while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES - 3 || cut.endsWith("\uFFFD")) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }
}
