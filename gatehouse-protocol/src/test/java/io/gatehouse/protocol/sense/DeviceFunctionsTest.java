package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /v1/device/functions}: the remote-authorization settings among the terminal's functions. */
class DeviceFunctionsTest {

    @Test
    void readsTheDeviceFunctionsSample() throws Exception {
        String json = sample("sense-device-functions.json");
        DeviceFunctions f = decode(json, DeviceFunctions.class);

        assertThat(f.deviceRunType()).isEqualTo(1);
        assertThat(f.mode()).isZero();
        assertThat(f.strongHint()).isTrue();
        assertThat(f.record()).isTrue();
        assertThat(f.authModeKnown()).isEqualTo(AuthMode.REMOTE_DOOR_OPENING);
        assertThat(f.remoteAuthenticationAddress()).isEqualTo("http://192.0.2.10:4321/auth/");
        assertThat(f.remoteAuthTimeoutToLocalAuth()).isEqualTo(5);
        assertThat(f.problem()).isNull();
        assertThat(written(f)).isEqualTo(compact(json));
    }

    @Test
    void writesOnlyWhatChangesAndOverlaysItWithoutClobberingOtherSettings() throws Exception {
        DeviceFunctions current = decode("{\"auth_mode\":0,\"record\":true,\"face_threshold\":80}", DeviceFunctions.class);
        DeviceFunctions change = DeviceFunctions.remoteAuthorization(AuthMode.SERVER_IDENTIFICATION, "https://hub/auth", 0);

        assertThat(written(change)).isEqualTo(
                "{\"auth_mode\":3,\"remote_authentication_address\":\"https://hub/auth\",\"remote_auth_timeout_to_local_auth\":0}");
        DeviceFunctions merged = current.overlay(change);
        assertThat(merged.record()).isTrue();
        assertThat(merged.extra()).containsEntry("face_threshold", IntNode.valueOf(80));
        assertThat(merged.satisfies(change)).isTrue();
        assertThat(current.satisfies(change)).isFalse();
    }

    @Test
    void refusesWhatTheTerminalRefuses() {
        assertThat(DeviceFunctions.remoteAuthorization(AuthMode.RESERVED, "http://h/", 5).problem())
                .isEqualTo("auth_mode 2 is not supported (0, 1 or 3)");
        assertThat(DeviceFunctions.remoteAuthorization(AuthMode.REMOTE_DOOR_OPENING, "http://h/", 61).problem())
                .isEqualTo("remote_auth_timeout_to_local_auth must be 0..60 minutes");
        assertThat(DeviceFunctions.remoteAuthorization(AuthMode.REMOTE_DOOR_OPENING, "tcp://h/", 5).problem())
                .isEqualTo("remote_authentication_address must be an http:// or https:// URL");
    }

    @Test
    void keepsSeed000sAuthEventAddress() throws Exception {
        DeviceFunctions f = decode("{\"auth_mode\":1,\"auth_event_address\":\"http://192.0.2.10/eventRcv\"}",
                DeviceFunctions.class);

        assertThat(f.authEventAddress()).isEqualTo("http://192.0.2.10/eventRcv");
        assertThat(written(f)).contains("\"auth_event_address\":\"http://192.0.2.10/eventRcv\"");
        assertThat(new DeviceFunctions(null, null, null, null, null, null, null, null, 1, null, null, Map.of())
                .authEventAddress()).isNull();
    }
}
