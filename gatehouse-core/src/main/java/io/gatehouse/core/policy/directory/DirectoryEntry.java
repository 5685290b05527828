package io.gatehouse.core.policy.directory;

import java.util.List;

/** One thing the directory holds, addressed by kind and id. */
public sealed interface DirectoryEntry permits Site, Door, AccessGroup, DirectoryPerson, WeeklySchedule, AccessRule,
        PassbackPair {
    String id();

    /** The other entries this one names; each must exist for the entry to be accepted. */
    List<Reference> references();
}
