package io.gatehouse.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Devices that answer garbage, too much, or nothing: each call fails with a reason naming the request and what
 * was wrong, the state says what it means, and the hub carries on.
 */
class HostileDeviceTest {
    private static final String LOGIN_OK = "{\"code\":200,\"msg\":\"OK\",\"data\":{\"token\":\"opaque-token\"}}";
    private static final String INFO = "{\"code\":200,\"msg\":\"OK\",\"data\":{\"sn\":\"SN1\",\"model\":\"M\",\"firmware_version\":\"v1.3.0\"}}";
    private static final ConnectorSettings SHORT = new ConnectorSettings(Duration.ofMillis(400), Duration.ofMillis(300),
            Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMillis(200), Duration.ofMillis(500), 60, 64 * 1024);

    private final Vertx hub = Vertx.vertx();
    private final StandInTerminal device = new StandInTerminal(hub);
    private final RecordingListener listener = new RecordingListener();
    private TerminalClient client;
    private TerminalConnector connector;

    @AfterEach
    void stop() {
        if (client != null) {
            Blocking.await(client.close());
        }
        if (connector != null) {
            Blocking.await(connector.stop());
        }
        device.close();
        Blocking.await(hub.close());
    }

    private DeviceException failure(Future<?> call) {
        Throwable failure = Blocking.failure(call);
        assertThat(failure).isInstanceOf(DeviceException.class);
        return (DeviceException) failure;
    }

    private TerminalClient client() {
        client = TerminalClient.create(hub, device.endpoint("secret"), SHORT, listener);
        return client;
    }

    @Test
    void aLoginAnswerThatIsNotJsonIsNamedAsSuch() {
        device.on("/v1/auth/login", r -> r.response().end("<html>proxy error</html>"));

        DeviceException e = failure(client().functions());

        assertThat(e.state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(e).hasMessageStartingWith("POST /v1/auth/login: the device answered HTTP 200 with a body that is not"
                + " the terminal's {code,msg,data} envelope (malformed JSON");
    }

    @Test
    void aLoginAnswerWithoutATokenIsNamedAsSuch() {
        device.answer("/v1/auth/login", "{\"code\":200,\"msg\":\"OK\",\"data\":{}}");

        DeviceException e = failure(client().functions());

        assertThat(e).hasMessage("login answer unreadable: data.token: required field is missing");
    }

    @Test
    void settingsOfTheWrongTypeNameTheField() {
        device.answer("/v1/auth/login", LOGIN_OK)
                .answer("/v1/device/functions", "{\"code\":200,\"msg\":\"OK\",\"data\":{\"auth_mode\":[1]}}");

        DeviceException e = failure(client().functions());

        assertThat(e.state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(e).hasMessageStartingWith("GET /v1/device/functions: the terminal's data does not read: auth_mode:");
    }

    @Test
    void anOversizedAnswerIsCutOffAtTheLimitWhetherItAnnouncesItsLengthOrNot() {
        String huge = "{\"code\":200,\"msg\":\"" + "x".repeat(200_000) + "\",\"data\":{}}";
        device.answer("/v1/auth/login", LOGIN_OK)
                .answer("/v1/device/functions", huge)
                .on("/v1/device/info", r -> {
                    r.response().setChunked(true);
                    for (int i = 0; i < 40; i++) {
                        r.response().write(Buffer.buffer("x".repeat(10_000)));
                    }
                    r.response().end();
                });

        assertThat(failure(client().functions())).hasMessage("GET /v1/device/functions: the answer is larger than 65536 bytes");
        assertThat(failure(client.info())).hasMessage("GET /v1/device/info: the answer is larger than 65536 bytes");
        assertThat(Blocking.failure(client.functions())).as("the client carries on").isInstanceOf(DeviceException.class);
    }

    @Test
    void aDeviceThatNeverAnswersIsOfflineAfterTheRequestTimeout() {
        device.on("/v1/auth/login", r -> { });

        DeviceException e = failure(client().functions());

        assertThat(e.state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(e).hasMessage("POST /v1/auth/login: no answer in time");
    }

    @Test
    void aRefusedSettingDegradesTheTerminalWithItsOwnReason() {
        device.answer("/v1/auth/login", LOGIN_OK).answer("/v1/device/info", INFO)
                .answer("/v1/event/subscribe", "{\"code\":0,\"msg\":\"event_dest unreachable from this VLAN\",\"data\":null}");
        connector = TerminalConnector.start(hub, device.endpoint("secret"), new TerminalPlan("http://hub/push/x", null, 0,
                false), listener, SHORT);

        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.DEGRADED);
        assertThat(connector.reason()).isEqualTo("GET /v1/event/subscribe refused: code 0 (undefined error): event_dest"
                + " unreachable from this VLAN");
    }

    @Test
    void aSettingThatDoesNotReadBackAsWrittenDegradesTheTerminal() {
        device.answer("/v1/auth/login", LOGIN_OK).answer("/v1/device/info", INFO).on("/v1/device/functions", r ->
                r.response().end("{\"code\":200,\"msg\":\"OK\",\"data\":{\"auth_mode\":0,\"remote_authentication_address\":\"\"}}"));
        connector = TerminalConnector.start(hub, device.endpoint("secret"), new TerminalPlan(null, "http://hub/auth/x", 3,
                false), listener, SHORT);

        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.DEGRADED);
        assertThat(connector.reason()).isEqualTo("the terminal accepted the remote authorization settings but reads back"
                + " auth_mode 0, remote_authentication_address (none), remote_auth_timeout_to_local_auth null");
    }

    @Test
    void oldFirmwareWithoutDeviceInfoOrHeadersIsConfiguredAllTheSame() {
        String[] destination = {""};
        device.answer("/v1/auth/login", LOGIN_OK).on("/v1/event/subscribe", r -> {
            if (r.method() == HttpMethod.POST) {
                r.body().onSuccess(body -> {
                    destination[0] = body.toJsonObject().getString("event_dest");
                    r.response().end("{\"code\":200,\"msg\":\"OK\",\"data\":null}");
                });
            } else {
                r.response().end("{\"code\":200,\"msg\":\"OK\",\"data\":{\"event_dest\":\"" + destination[0]
                        + "\",\"enabled\":true}}");
            }
        });
        connector = TerminalConnector.start(hub, device.endpoint("secret"), new TerminalPlan("http://hub/push/x", null, 0,
                false), listener, SHORT);

        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);
        assertThat(destination[0]).isEqualTo("http://hub/push/x");
        assertThat(listener.infos).isEmpty();
    }

    @Test
    void oldFirmwareWithoutDeviceInfoIsKnownByItsSerialHeader() {
        device.on("/v1/auth/login", r -> r.response().putHeader("sn", "PSC-OLD-1").putHeader("model", "S7").end(LOGIN_OK));
        client = client();

        DeviceInfo info = Blocking.await(client.deviceInfo());

        assertThat(info).isEqualTo(new DeviceInfo("PSC-OLD-1", "S7", null, null));
    }
}
