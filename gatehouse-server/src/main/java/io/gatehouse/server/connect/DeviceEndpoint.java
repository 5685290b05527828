package io.gatehouse.server.connect;

/**
 * How to reach one device and how far to trust its TLS certificate.
 *
 * @param port          a terminal's Web API port (8000 documented); an SE box's REST port (5555 documented)
 * @param tls           https/wss (terminals: yes, always, on real devices) or plain http/ws (SE boxes)
 * @param username      the terminal's account; {@code null} for SE boxes, which have none
 * @param password      never logged, never put in a state reason
 * @param trust         used when {@code tls}; {@code null} means trust on first use with nothing pinned yet
 * @param webSocketPort an SE box's WebSocket port (5679 documented; 0 means that one). Terminals serve their
 *                      WebSocket on {@code port} and ignore it
 */
public record DeviceEndpoint(String deviceId, String host, int port, boolean tls, String username, String password,
                             TlsTrust trust, int webSocketPort) {
    public static final int SOPHON_WEBSOCKET_PORT = 5679;

    public DeviceEndpoint {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId is required");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        if (webSocketPort < 0 || webSocketPort > 65535) {
            throw new IllegalArgumentException("webSocketPort must be 0..65535, got " + webSocketPort);
        }
        trust = trust == null ? TlsTrust.firstUse() : trust;
    }

    /** A terminal, or an SE box on its documented WebSocket port. */
    public DeviceEndpoint(String deviceId, String host, int port, boolean tls, String username, String password,
                          TlsTrust trust) {
        this(deviceId, host, port, tls, username, password, trust, 0);
    }

    /** An SE box: plain HTTP on {@code restPort}, plain WebSocket on {@code webSocketPort}, no account. */
    public static DeviceEndpoint seBox(String deviceId, String host, int restPort, int webSocketPort) {
        return new DeviceEndpoint(deviceId, host, restPort, false, null, null, null, webSocketPort);
    }

    int sophonWebSocketPort() {
        return webSocketPort == 0 ? SOPHON_WEBSOCKET_PORT : webSocketPort;
    }

    /** {@code https://host:port} or {@code http://host:port}, for messages (IPv6 literals in brackets). */
    String origin() {
        String name = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (tls ? "https://" : "http://") + name + ":" + port;
    }

    @Override
    public String toString() {
        return "DeviceEndpoint[" + deviceId + " " + origin() + ", user=" + username + ", password=***, trust="
                + trust.mode() + "]";
    }
}
