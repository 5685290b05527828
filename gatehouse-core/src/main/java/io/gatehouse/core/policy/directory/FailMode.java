package io.gatehouse.core.policy.directory;

/** What a door answers when no decision can be made in time. */
public enum FailMode {
    /** Keep the door shut: the safe choice for most doors. */
    FAIL_SECURE,
    /** Open the door: for escape routes and doors where being locked out costs more than a stranger in. */
    FAIL_OPEN
}
