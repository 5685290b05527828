package io.gatehouse.server.device;

/**
 * The ways a terminal reports to the hub, as an operator chooses them. Push and WebSocket may both be on: the
 * same record arriving twice is stored once, and push adds the terminal's offline cache while WebSocket adds speed.
 */
public enum TerminalChannel {
    /** The terminal POSTs each record to the device's push address, keeping what the hub did not take. */
    PUSH("push"),
    /** The hub subscribes to the terminal's {@code /v1/event} WebSocket (one subscription per terminal). */
    WEBSOCKET("websocket"),
    /** {@code auth_mode} 1: the terminal asks the hub's authorization address before it opens the door. */
    REMOTE_AUTH("remote-auth");

    private final String label;

    TerminalChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TerminalChannel of(String label) {
        for (TerminalChannel channel : values()) {
            if (channel.label.equals(label)) {
                return channel;
            }
        }
        return null;
    }
}
