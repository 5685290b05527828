package io.gatehouse.core.event;

/** What an {@link AccessEvent} records. */
public enum EventKind {
    /** A recognition or passage record: what happened at the door. */
    PASSAGE,
    /** A remote-authorization question: the terminal asks before it opens the door. */
    AUTHORIZATION_REQUEST
}
