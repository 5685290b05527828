package io.gatehouse.core.policy.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may (or may not) pass where and when: a person or a group, at a door or at every door of a site, while a
 * schedule is open (always, when {@code scheduleId} is {@code null}).
 */
public record AccessRule(String id, String personId, String groupId, String doorId, String siteId, String scheduleId,
                         Effect effect) implements DirectoryEntry {
    public AccessRule {
        if ((personId == null) == (groupId == null)) {
            throw new IllegalArgumentException("a rule names exactly one of a person or a group");
        }
        if ((doorId == null) == (siteId == null)) {
            throw new IllegalArgumentException("a rule names exactly one of a door or a site");
        }
    }

    @Override
    public List<Reference> references() {
        List<Reference> references = new ArrayList<>(3);
        if (personId != null) {
            references.add(new Reference("personId", DirectoryPerson.class, personId));
        } else {
            references.add(new Reference("groupId", AccessGroup.class, groupId));
        }
        if (doorId != null) {
            references.add(new Reference("doorId", Door.class, doorId));
        } else {
            references.add(new Reference("siteId", Site.class, siteId));
        }
        if (scheduleId != null) {
            references.add(new Reference("scheduleId", WeeklySchedule.class, scheduleId));
        }
        return references;
    }
}
