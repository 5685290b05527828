package io.gatehouse.core.policy;

import io.gatehouse.core.policy.directory.AccessRule;
import io.gatehouse.core.policy.directory.Directory;
import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.core.policy.directory.Effect;
import io.gatehouse.core.policy.directory.WeeklySchedule;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that apply to one person at one door, read at one local time: every allow rule that names them
 * (directly or through a group), the first allow rule whose schedule is open now, and the first deny rule whose
 * schedule is open now. "First" is by rule id, so the decision names the same rule every time.
 */
record RuleMatch(List<AccessRule> allows, AccessRule openAllow, AccessRule openDeny) {

    static RuleMatch of(Directory directory, Door door, Identity who, LocalDateTime local) {
        List<AccessRule> allows = new ArrayList<>(2);
        AccessRule openAllow = null;
        AccessRule openDeny = null;
        for (AccessRule rule : directory.rulesAt(door)) {
            if (!names(rule, who)) {
                continue;
            }
            boolean open = rule.scheduleId() == null
                    || directory.get(WeeklySchedule.class, rule.scheduleId()).timetable().isOpen(local);
            if (rule.effect() == Effect.ALLOW) {
                allows.add(rule);
                if (open && openAllow == null) {
                    openAllow = rule;
                }
            } else if (open && openDeny == null) {
                openDeny = rule;
            }
        }
        return new RuleMatch(allows, openAllow, openDeny);
    }

    private static boolean names(AccessRule rule, Identity who) {
        return rule.personId() != null ? rule.personId().equals(who.personId()) : who.groupIds().contains(rule.groupId());
    }
}
