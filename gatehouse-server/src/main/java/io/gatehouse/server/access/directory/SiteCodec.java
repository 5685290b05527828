package io.gatehouse.server.access.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.policy.directory.Site;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.util.List;
import java.util.Set;

/** {@code {id, name, zone, settings}}. */
final class SiteCodec implements EntityCodec<Site> {
    @Override
    public Class<Site> kind() {
        return Site.class;
    }

    @Override
    public Site read(FieldReader r) throws DecodeException {
        Fields.refuseUnknown(r, Set.of("id", "name", "zone", "settings"));
        return new Site(Fields.id(r, "id"), Fields.optText(r, "name"), Fields.zone(r, "zone", true), Fields.settings(r));
    }

    @Override
    public ObjectNode write(Site site) {
        return FieldWriter.object().put("id", site.id()).put("name", site.name()).put("zone", site.zone().getId())
                .put("settings", Fields.settings(site.settings())).build();
    }

    @Override
    public List<String> csvColumns() {
        return List.of("id", "name", "zone", "settings.minScore", "settings.maxTemperature", "settings.maskRequired",
                "settings.failMode", "settings.language");
    }
}
