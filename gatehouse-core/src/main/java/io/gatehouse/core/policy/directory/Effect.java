package io.gatehouse.core.policy.directory;

/** What an access rule does while its schedule is open. A deny that applies beats any allow. */
public enum Effect {
    ALLOW,
    DENY
}
