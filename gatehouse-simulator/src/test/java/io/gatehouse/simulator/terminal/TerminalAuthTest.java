package io.gatehouse.simulator.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.TerminalClient;
import io.gatehouse.simulator.device.DeviceTiming;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Login and authentication as the documents describe them: a JWT valid validTime minutes (1..1440, default 5)
 * or Basic authentication; without either, every business endpoint answers 401; ping needs nothing. Here one
 * protocol minute lasts one second, so that expiry can be watched.
 */
class TerminalAuthTest {
    private static SimulatedSite site;
    private static TerminalClient client;
    private static TerminalClient oldClient;

    @BeforeAll
    static void start() throws Exception {
        site = SimulatedSite.start(SiteConfig.forTests().withDevices(2, 0, 0).withCredentials("admin", "s3cret")
                .withTiming(DeviceTiming.fast().withMinute(Duration.ofSeconds(1)))
                .withVersions(List.of(SenseVersion.V1_3_0, SenseVersion.V1_1_0), SophonVersion.V5));
        client = new TerminalClient(site.vertx(), site.terminals().get(0));
        oldClient = new TerminalClient(site.vertx(), site.terminals().get(1));
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /v1/event/subscribe", "POST, /v1/event/subscribe", "GET, /v1/device/functions",
        "POST, /v1/device/functions", "POST, /v1/event/records", "POST, /v1/device/door", "GET, /v1/device/info",
        "GET, /v1/event", "GET, /v1/no/such/endpoint",
    })
    void everyBusinessEndpointAnswers401WithoutCredentials(String method, String path) {
        TerminalClient.Reply reply = client.send(HttpMethod.valueOf(method), path, null, method.equals("POST") ? "{}" : null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordOrAForgedTokenIsRefused() {
        String wrongBasic = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:guess".getBytes());

        assertThat(client.get("/v1/device/info", wrongBasic).code()).isEqualTo(401);
        assertThat(client.get("/v1/device/info", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.forged").code()).isEqualTo(401);
        String otherTerminalsToken = oldClient.login(5);
        assertThat(client.get("/v1/device/info", otherTerminalsToken).code())
                .as("each terminal signs its own tokens").isEqualTo(401);
    }

    @Test
    void basicAuthenticationAndALoginTokenBothOpenTheApi() {
        assertThat(client.get("/v1/device/info", client.basic()).code()).isEqualTo(200);
        assertThat(client.get("/v1/device/info", client.login(5)).data().path("sn").asText())
                .isEqualTo(site.terminals().get(0).serial());
    }

    @Test
    void pingNeedsNoAuthentication() {
        TerminalClient.Reply reply = client.get("/v2/datasync/ping", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo(200);
    }

    @Test
    void loginNamesAnUnknownAccountAndAWrongPasswordWithTheirCodes() {
        assertThat(client.post("/v1/auth/login", null, "{\"username\":\"root\",\"password\":\"s3cret\"}").code())
                .isEqualTo(1000);
        assertThat(client.post("/v1/auth/login", null, "{\"username\":\"admin\",\"password\":\"nope\"}").code())
                .isEqualTo(1001);
    }

    @ParameterizedTest
    @CsvSource({"0", "1441", "-5"})
    void aValidTimeOutside1To1440MinutesIsRefused(int minutes) {
        TerminalClient.Reply reply = client.post("/v1/auth/login", null,
                "{\"username\":\"admin\",\"password\":\"s3cret\",\"validTime\":" + minutes + "}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.msg()).contains("validTime");
    }

    @Test
    void aTokenExpiresAfterItsValidTime() {
        String token = client.login(1);
        assertThat(client.get("/v1/device/info", token).code()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.get("/v1/device/info", token).code() == 401);
        assertThat(client.get("/v1/device/info", client.basic()).code()).as("Basic still works").isEqualTo(200);
    }

    @Test
    void aTokenWithoutValidTimeLastsTheDefaultFiveMinutes() throws Exception {
        TerminalClient.Reply reply = client.post("/v1/auth/login", null, "{\"username\":\"admin\",\"password\":\"s3cret\"}");
        String token = "Bearer " + reply.data().path("token").asText();
        Thread.sleep(1500); // longer than one protocol minute here, shorter than five

        assertThat(client.get("/v1/device/info", token).code()).isEqualTo(200);
    }

    @Test
    void fromV1_2_1EveryAnswerCarriesModelSnTimestampAndAccountHeaders() {
        TerminalClient.Reply v130 = client.get("/v1/device/info", client.basic());
        TerminalClient.Reply v110 = oldClient.get("/v1/device/info", oldClient.basic());

        assertThat(v130.headers().get("sn")).isEqualTo(site.terminals().get(0).serial());
        assertThat(v130.headers().get("model")).isNotBlank();
        assertThat(v130.headers().get("account")).isEqualTo("admin");
        assertThat(Long.parseLong(v130.headers().get("timestamp"))).isPositive();
        assertThat(client.get("/v2/datasync/ping", null).headers().get("sn")).isNotNull();
        assertThat(v110.headers().get("sn")).as("v1.1.0 predates the headers").isNull();
    }
}
