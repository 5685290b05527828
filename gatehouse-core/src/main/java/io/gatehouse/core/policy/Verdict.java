package io.gatehouse.core.policy;

import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.core.policy.directory.DoorSettings;

/**
 * What the local policy concluded, before timing and delivery: the reason, the rule or pair that decided
 * (when one did), a sentence for the operator, and the door, person and settings it was judged with.
 *
 * @param ruleId   the access rule or anti-passback pair that decided; {@code null} when none did
 * @param door     {@code null} when the device is not a known door
 * @param settings the door's effective settings; the defaults for an unknown door
 */
public record Verdict(Reason reason, String ruleId, String detail, Door door, Identity identity,
                      DoorSettings settings) {
}
