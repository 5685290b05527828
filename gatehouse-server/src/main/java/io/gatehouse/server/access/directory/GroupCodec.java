package io.gatehouse.server.access.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.policy.directory.AccessGroup;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.util.List;
import java.util.Set;

/** {@code {id, name}}. */
final class GroupCodec implements EntityCodec<AccessGroup> {
    @Override
    public Class<AccessGroup> kind() {
        return AccessGroup.class;
    }

    @Override
    public AccessGroup read(FieldReader r) throws DecodeException {
        Fields.refuseUnknown(r, Set.of("id", "name"));
        return new AccessGroup(Fields.id(r, "id"), Fields.optText(r, "name"));
    }

    @Override
    public ObjectNode write(AccessGroup group) {
        return FieldWriter.object().put("id", group.id()).put("name", group.name()).build();
    }

    @Override
    public List<String> csvColumns() {
        return List.of("id", "name");
    }
}
