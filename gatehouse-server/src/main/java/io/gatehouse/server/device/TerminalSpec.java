package io.gatehouse.server.device;

import java.util.Set;

/**
 * A SenseNebula Pass terminal: its Web API ({@code https://host:8000} by default), the account the hub logs in
 * with, the channels to use, and how long the terminal waits without the hub before it decides locally.
 *
 * @param password                  in clear in memory only; stored encrypted, never returned by the API or logged
 * @param remoteAuthFallbackMinutes {@code remote_auth_timeout_to_local_auth}: minutes without an answered heartbeat
 *                                  after which the terminal authorizes locally (0 = never)
 */
public record TerminalSpec(String host, int port, boolean tls, String username, String password,
                           Set<TerminalChannel> channels, int remoteAuthFallbackMinutes, TrustPolicy trust)
        implements DeviceSpec {
    public static final int DEFAULT_PORT = 8000;

    public TerminalSpec {
        channels = Set.copyOf(channels);
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.TERMINAL;
    }

    public boolean uses(TerminalChannel channel) {
        return channels.contains(channel);
    }

    public TerminalSpec withPassword(String newPassword) {
        return new TerminalSpec(host, port, tls, username, newPassword, channels, remoteAuthFallbackMinutes, trust);
    }

    /** Without the password: specs end up in logs and exception messages. */
    @Override
    public String toString() {
        return "TerminalSpec[host=" + host + ", port=" + port + ", tls=" + tls + ", username=" + username
                + ", password=" + (password == null ? "(none)" : "(set)") + ", channels=" + channels
                + ", remoteAuthFallbackMinutes=" + remoteAuthFallbackMinutes + ", trust=" + trust + "]";
    }
}
