package io.gatehouse.core.store;

/** The way an event reached the hub. The same event may arrive on two channels; it is stored once. */
public enum Channel {
    /** A terminal POSTed it to its record-push URL ({@code event_dest}), live or from its offline cache. */
    RECORD_PUSH,
    /** A terminal asked its remote-authorization URL whether the person may pass. */
    REMOTE_AUTH,
    /** The hub's subscription to the terminal's {@code /v1/event} WebSocket. */
    TERMINAL_WEBSOCKET,
    /** The hub's connection to an SE box's port 5679. */
    SOPHON_WEBSOCKET,
    /** The hub fetched it from the terminal's history ({@code /v1/event/records}). */
    HISTORY
}
