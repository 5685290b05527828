package io.gatehouse.core.policy.directory;

import java.util.List;

/** A set of people that rules grant or deny together (staff, cleaners, contractors). */
public record AccessGroup(String id, String name) implements DirectoryEntry {
    @Override
    public List<Reference> references() {
        return List.of();
    }
}
