package io.gatehouse.server.access.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.policy.directory.PassbackPair;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code {id, entryDoorId, exitDoorId, resetAfterMinutes}}. */
final class PassbackCodec implements EntityCodec<PassbackPair> {
    @Override
    public Class<PassbackPair> kind() {
        return PassbackPair.class;
    }

    @Override
    public PassbackPair read(FieldReader r) throws DecodeException {
        Fields.refuseUnknown(r, Set.of("id", "entryDoorId", "exitDoorId", "resetAfterMinutes"));
        Integer minutes = r.optInt("resetAfterMinutes");
        if (minutes != null && (minutes < 1 || minutes > 7 * 24 * 60)) {
            throw new DecodeException(r.pathOf("resetAfterMinutes"), "between 1 and 10080 (a week)");
        }
        try {
            return new PassbackPair(Fields.id(r, "id"), Fields.id(r, "entryDoorId"), Fields.id(r, "exitDoorId"),
                    minutes == null ? null : Duration.ofMinutes(minutes));
        } catch (IllegalArgumentException e) {
            throw Fields.invalid(r, "exitDoorId", e);
        }
    }

    @Override
    public ObjectNode write(PassbackPair pair) {
        return FieldWriter.object().put("id", pair.id()).put("entryDoorId", pair.entryDoorId())
                .put("exitDoorId", pair.exitDoorId())
                .put("resetAfterMinutes", pair.resetAfter() == null ? null : pair.resetAfter().toMinutes()).build();
    }

    @Override
    public List<String> csvColumns() {
        return List.of("id", "entryDoorId", "exitDoorId", "resetAfterMinutes");
    }
}
