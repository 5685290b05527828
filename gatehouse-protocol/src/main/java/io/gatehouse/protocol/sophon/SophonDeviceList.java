package io.gatehouse.protocol.sophon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The box's cameras, {@code GET :5555/SophonDevice/api/Devices} → {@code {data: {devices_list: [...]}}}. */
public record SophonDeviceList(List<MediaDevice> devices) implements SophonMessage {

    /** One camera; {@code deviceId} is the uuid a configuration names. Other fields are kept as sent. */
    public record MediaDevice(String deviceId, String name, Map<String, JsonNode> extra) {
        private static final Set<String> FIELDS = Set.of("device_id", "name");

        public MediaDevice {
            extra = extra == null ? Map.of() : extra;
        }

        static MediaDevice read(FieldReader r) throws DecodeException {
            return new MediaDevice(r.string("device_id"), r.optString("name"), r.unknown(FIELDS));
        }

        ObjectNode toJson() {
            return FieldWriter.object().put("device_id", deviceId).put("name", name).putAll(extra).build();
        }
    }

    public SophonDeviceList {
        devices = List.copyOf(devices);
    }

    public List<String> deviceIds() {
        return devices.stream().map(MediaDevice::deviceId).toList();
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SOPHON_SE, MessageKind.SOPHON_DEVICE_LIST, Dialect.ANY_VERSION);
    }

    static SophonDeviceList read(FieldReader r) throws DecodeException {
        List<MediaDevice> devices = r.object("data").optObjects("devices_list", MediaDevice::read);
        return new SophonDeviceList(devices == null ? List.of() : devices);
    }

    @Override
    public ObjectNode toJson() {
        return FieldWriter.object()
                .put("data", FieldWriter.object()
                        .putObjects("devices_list", devices.stream().map(MediaDevice::toJson).toList()))
                .build();
    }
}
