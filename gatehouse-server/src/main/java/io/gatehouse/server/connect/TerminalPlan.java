package io.gatehouse.server.connect;

import io.gatehouse.protocol.sense.AuthMode;
import io.gatehouse.protocol.sense.DeviceFunctions;
import io.gatehouse.protocol.sense.SubscribeConfig;

/**
 * What the hub wants one terminal to be configured with. The connector sets exactly these settings, by
 * read-modify-write, and never touches any other.
 *
 * @param pushUrl                         record push destination ({@code event_dest}); {@code null}: push is left alone
 * @param remoteAuthUrl                   {@code remote_authentication_address} with {@code auth_mode} 1;
 *                                        {@code null}: the terminal's authorization settings are left alone
 * @param remoteAuthTimeoutToLocalMinutes {@code remote_auth_timeout_to_local_auth}, 0..60 (0 = never fall back)
 * @param webSocket                       hold one subscription to the terminal's {@code /v1/event} WebSocket
 */
public record TerminalPlan(String pushUrl, String remoteAuthUrl, int remoteAuthTimeoutToLocalMinutes,
                           boolean webSocket) {
    public TerminalPlan {
        if (pushUrl != null) {
            String problem = new SubscribeConfig(pushUrl, true).problem();
            if (problem != null) {
                throw new IllegalArgumentException("pushUrl: " + problem);
            }
        }
        if (remoteAuthUrl != null) {
            String problem = remoteAuthorization(remoteAuthUrl, remoteAuthTimeoutToLocalMinutes).problem();
            if (problem != null) {
                throw new IllegalArgumentException("remoteAuthUrl: " + problem);
            }
        }
    }

    /** The function settings this plan needs, or {@code null} when it leaves them alone. */
    DeviceFunctions functions() {
        return remoteAuthUrl == null ? null : remoteAuthorization(remoteAuthUrl, remoteAuthTimeoutToLocalMinutes);
    }

    /** The record-push configuration this plan needs, or {@code null} when it leaves it alone. */
    SubscribeConfig subscription() {
        return pushUrl == null ? null : new SubscribeConfig(pushUrl, true);
    }

    private static DeviceFunctions remoteAuthorization(String url, int minutes) {
        return DeviceFunctions.remoteAuthorization(AuthMode.REMOTE_DOOR_OPENING, url, minutes);
    }

    @Override
    public String toString() {
        return "TerminalPlan[push=" + Redact.url(pushUrl) + ", remoteAuth=" + Redact.url(remoteAuthUrl)
                + ", timeoutToLocal=" + remoteAuthTimeoutToLocalMinutes + " min, webSocket=" + webSocket + "]";
    }
}
