package io.gatehouse.server.access.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.util.List;
import java.util.Set;

/** {@code {id, name, siteId, deviceSerial, cameraId, zone, settings}}. */
final class DoorCodec implements EntityCodec<Door> {
    @Override
    public Class<Door> kind() {
        return Door.class;
    }

    @Override
    public Door read(FieldReader r) throws DecodeException {
        Fields.refuseUnknown(r, Set.of("id", "name", "siteId", "deviceSerial", "cameraId", "zone", "settings"));
        return new Door(Fields.id(r, "id"), Fields.optText(r, "name"), Fields.id(r, "siteId"),
                Fields.id(r, "deviceSerial"), Fields.optId(r, "cameraId"), Fields.zone(r, "zone", false), Fields.settings(r));
    }

    @Override
    public ObjectNode write(Door door) {
        return FieldWriter.object().put("id", door.id()).put("name", door.name()).put("siteId", door.siteId())
                .put("deviceSerial", door.deviceSerial()).put("cameraId", door.cameraId())
                .put("zone", door.zone() == null ? null : door.zone().getId())
                .put("settings", Fields.settings(door.settings())).build();
    }

    @Override
    public List<String> csvColumns() {
        return List.of("id", "name", "siteId", "deviceSerial", "cameraId", "zone", "settings.minScore",
                "settings.maxTemperature", "settings.maskRequired", "settings.failMode", "settings.language");
    }
}
