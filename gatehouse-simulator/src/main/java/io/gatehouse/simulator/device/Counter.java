package io.gatehouse.simulator.device;

import java.util.Locale;

/** What an emulated device counts; the control API and the Java API report them under {@link #label()}. */
public enum Counter {
    /** recognitions and alarms the device produced */
    GENERATED,
    /** pushes the receiver acknowledged (HTTP 200 with body code 200) */
    DELIVERED,
    /** records that could not be pushed at once and went to the offline cache */
    CACHED,
    /** records the full offline cache dropped, oldest first */
    DROPPED,
    /** times the door opened (locally, on a remote answer, on a push answer or a door command) */
    DOOR_OPENED,
    /** screen tips shown from a remote-authorization or push answer */
    TIPS_SHOWN,
    /** remote-authorization requests sent */
    REMOTE_AUTH_ASKED,
    /** remote-authorization requests without a usable answer before the deadline */
    REMOTE_AUTH_TIMED_OUT,
    /** heartbeats the authorization server answered with HTTP 200 */
    HEARTBEATS_ANSWERED,
    /** alarms raised or cleared */
    ALARMS,
    /** WebSocket messages sent to clients */
    STREAMED,
    /** deliberately malformed messages sent on request */
    MALFORMED_SENT,
    /** requests or messages the device refused as invalid */
    REFUSED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
