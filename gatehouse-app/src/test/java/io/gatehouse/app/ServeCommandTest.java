package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    private final CommandRun run = new CommandRun();

    private int serve(Map<String, String> environment, String... args) {
        return run.execute("serve", command -> ((ServeCommand) command).environment = environment, args);
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheFile() throws Exception {
        Path file = dir.resolve("gatehouse.yaml");
        Files.writeString(file, """
                port: 7000
                data: /var/lib/gatehouse
                store:
                  readers: 5
                retention:
                  max-age: 90d
                  max-size: 50GB
                """);

        int status = serve(Map.of("GATEHOUSE_PORT", "7001", "GATEHOUSE_RETENTION_MAX_AGE", "30d",
                "GATEHOUSE_ADMIN_TOKEN", "s3cret-token"), "--config", file.toString(), "--port", "7002", "--print-config");

        assertThat(status).as(run.err.toString()).isZero();
        assertThat(run.out.toString())
                .containsPattern("port\\s+7002\\s+from flag --port")
                .containsPattern("data\\s+/var/lib/gatehouse\\s+from file " + file)
                .containsPattern("store.readers\\s+5\\s+from file")
                .containsPattern("retention.max-age\\s+30d\\s+from environment GATEHOUSE_RETENTION_MAX_AGE")
                .containsPattern("retention.max-size\\s+50GB\\s+from file")
                .containsPattern("store.queue-capacity\\s+10000\\s+from default")
                .containsPattern("admin-token\\s+\\(secret, set\\)\\s+from environment")
                .doesNotContain("s3cret-token");
    }

    @Test
    void aTypoInTheFileIsAnErrorNamingTheKeyNotASilentDefault() throws Exception {
        Path file = dir.resolve("gatehouse.yaml");
        Files.writeString(file, "retention:\n  max-days: 90\n");
        assertThat(serve(Map.of(), "--config", file.toString())).isEqualTo(ServeCommand.CONFIG_ERROR);
        assertThat(run.err.toString()).contains("unknown setting 'retention.max-days'").contains(file.toString());
    }

    @Test
    void aBadValueNamesTheSettingAndWhereItCameFrom() {
        assertThat(serve(Map.of("GATEHOUSE_RETENTION_MAX_SIZE", "lots"))).isEqualTo(ServeCommand.CONFIG_ERROR);
        assertThat(run.err.toString()).contains("retention.max-size (from environment GATEHOUSE_RETENTION_MAX_SIZE)")
                .contains("expected a size");
    }

    @Test
    void aPublicUrlDevicesCouldNotUseIsRefused() {
        assertThat(serve(Map.of(), "--public-url", "192.0.2.10:8080")).isEqualTo(ServeCommand.CONFIG_ERROR);
        assertThat(run.err.toString()).contains("public-url (from flag --public-url)").contains("http://");
    }

    @Test
    void helpListsEverySettingWithItsVariableAndDefault() {
        assertThat(serve(Map.of(), "--help")).isZero();
        assertThat(run.out.toString()).contains("GATEHOUSE_STORE_QUEUE_CAPACITY").contains("retention.max-age")
                .contains("connect.drift-check").contains("GATEHOUSE_CONNECT_TOKEN_VALIDITY")
                .contains("--print-config").contains("docs/OPERATIONS.md");
    }

    /** The contract acceptance checks rely on: {@code gatehouse serve --port PORT --data DIR} with the token set. */
    @Test
    void theServeCommandServesTheApiWithTheTokenFromTheEnvironmentAndStopsCleanlyOnSigterm() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path data = dir.resolve("data");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Gatehouse.class.getName(),
                "serve", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--data", data.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve.log").toFile());
        builder.environment().put("GATEHOUSE_ADMIN_TOKEN", "acceptance-token");
        Process hub = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            String base = "http://127.0.0.1:" + port;
            int ready = 0;
            for (int i = 0; i < 600 && ready != 200 && hub.isAlive(); i++) {
                try {
                    ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(ready).as(Files.readString(dir.resolve("serve.log"))).isEqualTo(200);
            HttpResponse<String> events = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer acceptance-token").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.body()).contains("\"events\":[]");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/events")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/openapi.json")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("/api/events");
            assertThat(Files.exists(data.resolve("gatehouse.db"))).isTrue();
            assertThat(Files.exists(data.resolve("admin-token"))).as("the configured token is not written").isFalse();
        } finally {
            hub.destroy(); // SIGTERM, as a service manager stops it
            assertThat(hub.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        // 143 = 128 + SIGTERM: the JVM's status after a signal-initiated shutdown, whatever the code does
        assertThat(hub.exitValue()).isEqualTo(143);
        assertThat(Files.readString(dir.resolve("serve.log"), StandardCharsets.UTF_8))
                .contains("Gatehouse is serving on").contains("hub stopped");
    }
}
