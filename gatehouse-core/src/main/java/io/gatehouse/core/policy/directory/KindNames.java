package io.gatehouse.core.policy.directory;

import java.util.Map;

/** How operators call each kind of entry, in messages and in the API's paths. */
public final class KindNames {
    private static final Map<Class<? extends DirectoryEntry>, String[]> NAMES = Map.of(
            Site.class, new String[] {"site", "sites"},
            Door.class, new String[] {"door", "doors"},
            AccessGroup.class, new String[] {"group", "groups"},
            DirectoryPerson.class, new String[] {"person", "people"},
            WeeklySchedule.class, new String[] {"schedule", "schedules"},
            AccessRule.class, new String[] {"rule", "rules"},
            PassbackPair.class, new String[] {"anti-passback pair", "passbacks"});

    private KindNames() {
    }

    public static String singular(Class<? extends DirectoryEntry> kind) {
        return NAMES.get(kind)[0];
    }

    public static String plural(Class<? extends DirectoryEntry> kind) {
        return NAMES.get(kind)[1];
    }
}
