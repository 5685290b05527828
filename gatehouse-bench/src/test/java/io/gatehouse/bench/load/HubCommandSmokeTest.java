package io.gatehouse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.Hub;
import io.gatehouse.server.HubConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short, small-rate run of {@code hub} against a real hub (in this JVM, given with {@code --hub-url}) and a
 * ceiling server, so the whole-hub driver never rots: the directory loads, the terminals register, every request of
 * both scenarios is answered 200, and the hub stored every one and logged every decision.
 */
class HubCommandSmokeTest {
    private static final String TOKEN = "load-smoke-token-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void drivesAHubAndTheCeilingAndFindsEveryAnsweredRequestStored() throws Exception {
        // --keep-going: whether a one-second step counts as sustained depends on the machine, the steps run anyway
        Path out = dir.resolve("hub.json");
        HubConfig config = HubConfig.defaults().withBindHost("127.0.0.1").withPort(0).withDataDir(dir.resolve("data"))
                .withAdminToken(TOKEN);
        int exit;
        try (Hub hub = Hub.start(config); CeilingServer ceiling = CeilingServer.start("127.0.0.1", 0)) {
            exit = LoadDriver.commandLine().execute("hub", "--hub-url", "http://127.0.0.1:" + hub.port(),
                    "--hub-token", TOKEN, "--hub-pid", Long.toString(ProcessHandle.current().pid()),
                    "--ceiling-url", "http://127.0.0.1:" + ceiling.port(), "--devices", "3",
                    "--auth-rates", "15,30", "--push-rates", "15", "--auth-duration", "1", "--push-duration", "1",
                    "--warmup", "1", "--prime", "0", "--auth-p99-ms", "0", "--keep-going", "--image-bytes", "2000", "--out", out.toString());
        }

        assertThat(exit).isZero();
        JsonNode report = Json.standard().parse(Files.readAllBytes(out));
        for (String system : new String[] {"hub", "ceiling"}) {
            assertThat(report.path(system).path("auth").path("steps")).hasSize(2);
            assertThat(report.path(system).path("push").path("steps")).hasSize(1);
            for (String scenario : new String[] {"auth", "push"}) {
                for (JsonNode step : report.path(system).path(scenario).path("steps")) {
                    assertThat(step.path("failed").asLong()).as(system + " " + scenario).isZero();
                    assertThat(step.path("ok").asLong()).isEqualTo(Math.round(step.path("offeredRate").asDouble()));
                }
            }
        }
        JsonNode verification = report.path("hub").path("verification");
        long pushes = verification.path("pushesAnswered").asLong();
        long asked = verification.path("authAnswered").asLong();
        assertThat(pushes).isEqualTo(15 + 15); // warm-up and step
        assertThat(asked).isEqualTo(15 + 15 + 30 + 30);
        assertThat(verification.path("eventsStored").asLong()).isEqualTo(pushes + asked);
        assertThat(verification.path("duplicates").asLong()).isZero();
        assertThat(verification.path("rejected").asLong()).isZero();
        // a request answered by the fail-mode (a cold JVM past its budget) logs the replaced decision too
        assertThat(verification.path("decisionsWritten").asLong()).isGreaterThanOrEqualTo(asked);
        long failModes = 0;
        for (JsonNode step : report.path("hub").path("auth").path("steps")) {
            assertThat(step.has("failModeAnswers")).as("the hub says how many answers were its fail-mode").isTrue();
            assertThat(step.path("gcPauses").asLong(-1)).as("the hub counts its collector's pauses").isNotNegative();
            failModes += step.path("failModeAnswers").asLong();
        }
        assertThat(failModes).isLessThanOrEqualTo(verification.path("decisionsWritten").asLong() - asked);
        assertThat(report.path("ceiling").path("auth").path("steps").get(0).has("failModeAnswers")).isFalse();
        assertThat(report.path("ceiling").path("auth").path("steps").get(0).has("gcPauses")).isFalse();
        assertThat(verification.path("complete").asBoolean()).isTrue();
        assertThat(report.path("hub").path("idle").path("rssMiB").asDouble()).isPositive();
        assertThat(report.path("comparison")).extracting(row -> row.path("scenario").asText()).contains("auth", "push");
    }
}
