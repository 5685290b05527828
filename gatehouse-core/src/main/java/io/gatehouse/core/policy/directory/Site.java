package io.gatehouse.core.policy.directory;

import java.time.ZoneId;
import java.util.List;

/** A building or campus: the time zone its doors' schedules are read in and the settings they share. */
public record Site(String id, String name, ZoneId zone, DoorSettings settings) implements DirectoryEntry {
    public Site {
        settings = settings == null ? DoorSettings.NONE : settings;
    }

    @Override
    public List<Reference> references() {
        return List.of();
    }
}
