package io.gatehouse.server.health;

import static io.gatehouse.server.DevicePayloads.pushed;
import static io.gatehouse.server.TestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.TestHub;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an orchestrator and Prometheus see, without a token. */
class HealthRoutesTest {
    @TempDir
    Path data;

    @Test
    void aFreshHubIsLiveAndReady() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            HttpResponse<String> live = hub.send(hub.anonymous("/health/live").build());
            assertThat(live.statusCode()).isEqualTo(200);
            HttpResponse<String> ready = hub.send(hub.anonymous("/health/ready").build());
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(json(ready).path("status").asText()).isEqualTo("ready");
        }
    }

    @Test
    void anyFailingCheckMakesTheHubNotReadyWithEveryReason() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            List<ReadinessCheck> checks = List.of(
                    () -> CompletableFuture.completedFuture(List.of()),
                    () -> CompletableFuture.completedFuture(List.of("device registry not loaded")),
                    () -> CompletableFuture.failedFuture(new IllegalStateException("probe crashed")));
            HealthRoutes.mount(router, checks, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get().actualPort();
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(json(ready).path("status").asText()).isEqualTo("not ready");
            assertThat(json(ready).path("problems").toString()).contains("probe crashed");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    @Test
    void metricsCountStoredEventsByDeviceAndChannelAndShowTheWriter() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            hub.append(pushed("m-1", "5", "王五", true, Instant.parse("2026-01-01T08:00:00Z")));
            hub.append(pushed("m-1", "5", "王五", true, Instant.parse("2026-01-01T08:00:00Z")));
            HttpResponse<String> metrics = hub.send(hub.anonymous("/metrics").build());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("gatehouse_events_stored_total{channel=\"RECORD_PUSH\",device=\"door-1\",type=\"access\"} 1.0")
                    .contains("gatehouse_events_duplicates_total{channel=\"RECORD_PUSH\",device=\"door-1\"} 1.0")
                    .contains("gatehouse_store_queue_depth")
                    .contains("gatehouse_store_commit_seconds")
                    .contains("gatehouse_store_batch_size")
                    .contains("gatehouse_blobs_bytes")
                    .contains("jvm_memory_used_bytes");
        }
    }
}
