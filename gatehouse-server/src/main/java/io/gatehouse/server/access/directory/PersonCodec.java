package io.gatehouse.server.access.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.event.PersonType;
import io.gatehouse.core.policy.directory.DirectoryPerson;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code {id, name, type, cards, jobNumber, idNumber, groupIds, validFrom, validUntil}}; {@code id} is the
 * terminal's {@code user_id}, {@code type} is {@code employee}, {@code visitor} or {@code blacklisted}.
 */
final class PersonCodec implements EntityCodec<DirectoryPerson> {
    @Override
    public Class<DirectoryPerson> kind() {
        return DirectoryPerson.class;
    }

    @Override
    public DirectoryPerson read(FieldReader r) throws DecodeException {
        Fields.refuseUnknown(r, Set.of("id", "name", "type", "cards", "jobNumber", "idNumber", "groupIds", "validFrom",
                "validUntil"));
        PersonType type = Fields.optEnum(r, "type", PersonType.class, DirectoryPerson.TYPES);
        if (type == null) {
            throw new DecodeException(r.pathOf("type"), "required field is missing; employee, visitor or blacklisted");
        }
        Instant from = Fields.optInstant(r, "validFrom");
        Instant until = Fields.optInstant(r, "validUntil");
        if (from != null && until != null && until.isBefore(from)) {
            throw new DecodeException(r.pathOf("validUntil"), "is before validFrom");
        }
        return new DirectoryPerson(Fields.id(r, "id"), Fields.optText(r, "name"), type, Fields.ids(r, "cards"),
                Fields.optText(r, "jobNumber"), Fields.optText(r, "idNumber"), Fields.ids(r, "groupIds"), from, until);
    }

    @Override
    public ObjectNode write(DirectoryPerson p) {
        return FieldWriter.object().put("id", p.id()).put("name", p.name()).put("type", Fields.label(p.type()))
                .putStrings("cards", p.cards()).put("jobNumber", p.jobNumber()).put("idNumber", p.idNumber())
                .putStrings("groupIds", p.groupIds())
                .put("validFrom", p.validFrom() == null ? null : p.validFrom().toString())
                .put("validUntil", p.validUntil() == null ? null : p.validUntil().toString()).build();
    }

    @Override
    public List<String> csvColumns() {
        return List.of("id", "name", "type", "cards", "jobNumber", "idNumber", "groupIds", "validFrom", "validUntil");
    }

    @Override
    public Set<String> csvListColumns() {
        return Set.of("cards", "groupIds");
    }
}
