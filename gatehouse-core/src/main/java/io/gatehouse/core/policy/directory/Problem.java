package io.gatehouse.core.policy.directory;

/** Why an entry cannot be accepted as it is: the field at fault and what is wrong with it. */
public record Problem(String field, String reason) {
}
