package io.gatehouse.protocol;

/** Every documented message, across families. */
public enum MessageKind {
    RECOGNITION("recognition", "recognition record (event type 0)"),
    ALARM("alarm", "device alarm (event type 1)"),
    UNKNOWN_EVENT("unknown-event", "event of an undocumented type"),
    REMOTE_AUTH_REQUEST("remote-auth-request", "remote-authorization request"),
    REMOTE_AUTH_ANSWER("remote-auth-answer", "remote-authorization answer"),
    PUSH_ANSWER("push-answer", "record-push receiver answer"),
    SUBSCRIBE_CONFIG("subscribe-config", "/v1/event/subscribe configuration"),
    DEVICE_FUNCTIONS("device-functions", "/v1/device/functions configuration"),
    RECORDS_QUERY("records-query", "/v1/event/records query"),
    RECORDS_PAGE("records-page", "/v1/event/records page"),
    LOGIN_REQUEST("login-request", "/v1/auth/login request"),
    LOGIN_ANSWER("login-answer", "/v1/auth/login answer"),
    DOOR_COMMAND("door-command", "/v1/device/door command"),
    ENVELOPE("envelope", "{code,msg,data} answer"),
    SOPHON_CONFIG("config", "SE-box WebSocket configuration"),
    SOPHON_EVENT("event", "SE-box recognition event"),
    SOPHON_DEVICE_LIST("device-list", "SE-box camera list (/SophonDevice/api/Devices)");

    private final String label;
    private final String description;

    MessageKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** Short name used in dialect labels: {@code sense recognition v1.3.0}, {@code sophon config V6}. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
