package io.gatehouse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short, small-rate run of the load driver against the ceiling server, so the driver never rots. */
class LoadDriverSmokeTest {
    @TempDir
    Path dir;

    @Test
    void drivesTheCeilingServerFromSeveralLoopbackAddressesAndWritesItsReport() throws Exception {
        Path out = dir.resolve("ceiling.json");
        try (CeilingServer ceiling = CeilingServer.start("127.0.0.1", 0)) {
            int exit = LoadDriver.commandLine().execute("run", "--url",
                    "http://127.0.0.1:" + ceiling.port() + "/push", "--devices", "3", "--rates", "20,40",
                    "--duration", "1", "--warmup", "1", "--p99-target-ms", "1000", "--image-bytes", "2000",
                    "--label", "ceiling", "--out", out.toString());
            assertThat(exit).isZero();
        }
        JsonNode report = Json.standard().parse(Files.readAllBytes(out));
        assertThat(report.path("steps")).hasSize(2);
        for (JsonNode step : report.path("steps")) {
            assertThat(step.path("failed").asLong()).isZero();
            assertThat(step.path("ok").asLong()).isEqualTo(Math.round(step.path("offeredRate").asDouble()));
        }
        assertThat(report.path("highestRateMeetingTarget").asDouble()).isEqualTo(40.0);
    }
}
