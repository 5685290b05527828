package io.gatehouse.server.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.protocol.sense.AuthMode;
import io.gatehouse.protocol.sense.DeviceFunctions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/device/functions} changes only the fields it carries, so the hub sends only the fields that
 * differ: a setting someone changes between the hub's read and its write is not overwritten with the value read.
 * A terminal standing in records every body it is sent; its settings include one no document lists.
 */
class ReadModifyWriteTest {
    private final Vertx hub = Vertx.vertx();
    private final StandInTerminal device = new StandInTerminal(hub);
    private final List<JsonNode> posted = new CopyOnWriteArrayList<>();
    private ObjectNode settings;
    private TerminalClient client;

    @BeforeEach
    void start() throws Exception {
        settings = (ObjectNode) Json.standard().parse("{\"device_run_type\":1,\"mode\":3,\"strong_hint\":true,"
                + "\"auth_mode\":1,\"remote_authentication_address\":\"http://old-hub/auth\","
                + "\"remote_auth_timeout_to_local_auth\":5,\"door_delay_ms\":1500}");
        device.answer("/v1/auth/login", "{\"code\":200,\"msg\":\"OK\",\"data\":{\"token\":\"t\"}}")
                .on("/v1/device/functions", request -> {
                    if (request.method() == HttpMethod.GET) {
                        request.response().end("{\"code\":200,\"msg\":\"OK\",\"data\":" + settings + "}");
                        return;
                    }
                    request.body().onSuccess(body -> {
                        JsonNode changes = parse(body.toString());
                        posted.add(changes);
                        settings.setAll((ObjectNode) changes);
                        request.response().end("{\"code\":200,\"msg\":\"OK\",\"data\":null}");
                    });
                });
        client = TerminalClient.create(hub, device.endpoint("secret"), ConnectorSettings.forTests(), null);
    }

    @AfterEach
    void stop() {
        Blocking.await(client.close());
        device.close();
        Blocking.await(hub.close());
    }

    @Test
    void onlyTheFieldsThatDifferAreSent() throws Exception {
        Blocking.await(client.updateFunctions(DeviceFunctions.remoteAuthorization(AuthMode.REMOTE_DOOR_OPENING,
                "http://new-hub/auth", 5)));

        assertThat(posted).containsExactly(parse("{\"remote_authentication_address\":\"http://new-hub/auth\"}"));
        assertThat(Blocking.await(client.functions()).extra()).containsKey("door_delay_ms");
    }

    @Test
    void nothingIsSentWhenTheTerminalAlreadyHasTheSettings() {
        Blocking.await(client.updateFunctions(DeviceFunctions.remoteAuthorization(AuthMode.REMOTE_DOOR_OPENING,
                "http://old-hub/auth", 5)));

        assertThat(posted).isEmpty();
    }

    @Test
    void settingsTheTerminalWouldRefuseAreRefusedBeforeAnythingIsSent() {
        Throwable refused = Blocking.failure(client.updateFunctions(DeviceFunctions.remoteAuthorization(
                AuthMode.RESERVED, "http://new-hub/auth", 5)));

        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("device functions: auth_mode 2 is not supported (0, 1 or 3)");
        assertThat(posted).isEmpty();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.standard().parse(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
