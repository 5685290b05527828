package io.gatehouse.server.access.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.policy.directory.AccessRule;
import io.gatehouse.core.policy.directory.Effect;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.util.List;
import java.util.Set;

/** {@code {id, personId | groupId, doorId | siteId, scheduleId, effect}}; no schedule means always. */
final class RuleCodec implements EntityCodec<AccessRule> {
    @Override
    public Class<AccessRule> kind() {
        return AccessRule.class;
    }

    @Override
    public AccessRule read(FieldReader r) throws DecodeException {
        Fields.refuseUnknown(r, Set.of("id", "personId", "groupId", "doorId", "siteId", "scheduleId", "effect"));
        String id = Fields.id(r, "id");
        String person = Fields.optId(r, "personId");
        String group = Fields.optId(r, "groupId");
        String door = Fields.optId(r, "doorId");
        String site = Fields.optId(r, "siteId");
        if ((person == null) == (group == null)) {
            throw new DecodeException(r.pathOf("personId"), "a rule names exactly one of personId or groupId");
        }
        if ((door == null) == (site == null)) {
            throw new DecodeException(r.pathOf("doorId"), "a rule names exactly one of doorId or siteId");
        }
        Effect effect = Fields.optEnum(r, "effect", Effect.class, List.of(Effect.values()));
        return new AccessRule(id, person, group, door, site, Fields.optId(r, "scheduleId"),
                effect == null ? Effect.ALLOW : effect);
    }

    @Override
    public ObjectNode write(AccessRule rule) {
        return FieldWriter.object().put("id", rule.id()).put("personId", rule.personId()).put("groupId", rule.groupId())
                .put("doorId", rule.doorId()).put("siteId", rule.siteId()).put("scheduleId", rule.scheduleId())
                .put("effect", Fields.label(rule.effect())).build();
    }

    @Override
    public List<String> csvColumns() {
        return List.of("id", "personId", "groupId", "doorId", "siteId", "scheduleId", "effect");
    }
}
