package io.gatehouse.core.policy.directory;

import java.time.Duration;
import java.util.List;

/**
 * Anti-passback between an entry door and an exit door: after passing the entry a person must pass the exit
 * before entering again (and the other way round), so one face cannot let a second person in behind it.
 *
 * @param resetAfter how long a passage counts; {@code null} for as long as the hub runs
 */
public record PassbackPair(String id, String entryDoorId, String exitDoorId, Duration resetAfter)
        implements DirectoryEntry {
    public PassbackPair {
        if (entryDoorId.equals(exitDoorId)) {
            throw new IllegalArgumentException("the entry and the exit of an anti-passback pair are two doors");
        }
    }

    @Override
    public List<Reference> references() {
        return List.of(new Reference("entryDoorId", Door.class, entryDoorId),
                new Reference("exitDoorId", Door.class, exitDoorId));
    }
}
