package io.gatehouse.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.core.policy.authorize.AuthorizerSettings;
import io.gatehouse.core.policy.authorize.CurrentDirectory;
import io.gatehouse.core.policy.authorize.RemoteAuthorizer;
import io.gatehouse.server.DevicePayloads;
import io.gatehouse.server.access.decisions.DecisionLogWriter;
import io.gatehouse.server.db.Database;
import io.gatehouse.server.ingest.IngestListener;
import io.gatehouse.server.ingest.IngestMetrics;
import io.gatehouse.server.ingest.IngestPipeline;
import io.gatehouse.server.ingest.IngestSettings;
import io.gatehouse.server.ingest.auth.RemoteAuthReceiver;
import io.gatehouse.server.ingest.link.PassageLinker;
import io.gatehouse.server.ingest.quarantine.Quarantine;
import io.gatehouse.server.store.EventStorage;
import io.gatehouse.server.store.RetentionSettings;
import io.gatehouse.server.store.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the hub cannot decide (here its directory never loads), the heartbeat answers 503 with the reason, so the
 * terminal falls back to local authorization after its minutes, and a request still gets the fail-mode's answer
 * within the budget. The receiver runs with the real registry, store and authorizer; only the directory is absent.
 */
class HeartbeatWithoutDirectoryTest {
    @TempDir
    Path data;

    @Test
    void theHeartbeatSays503AndWhyAndTheDoorStillGetsTheFailModeInTime() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        Database database = Database.open(data);
        Vertx vertx = Vertx.vertx();
        try (EventStorage storage = EventStorage.open(database, data, StoreSettings.DEFAULTS, RetentionSettings.DEFAULTS,
                metrics);
             DeviceRegistry registry = DeviceRegistry.open(new DeviceTable(database, DeviceSecrets.open(data)), metrics);
             Quarantine quarantine = new Quarantine(database, 10, 1 << 20, metrics);
             PassageLinker linker = new PassageLinker(database, Duration.ofSeconds(10));
             DecisionLogWriter log = new DecisionLogWriter(database, 100)) {
            Device door = registry.add(DeviceJson.create(DeviceHub.json("{\"kind\": \"terminal\", \"host\": \"127.0.0.1\","
                    + " \"serial\": \"" + DevicePayloads.SERIAL + "\"}"))).toCompletableFuture().get(10, TimeUnit.SECONDS);
            RemoteAuthorizer neverLoaded = new RemoteAuthorizer(new CurrentDirectory(), null, log, Clock.systemUTC(),
                    RemoteAuthorizer.deadlineTimer(), AuthorizerSettings.defaults());
            IngestMetrics ingestMetrics = new IngestMetrics(metrics);
            IngestPipeline pipeline = new IngestPipeline(IngestSettings.DEFAULTS, storage.store(), quarantine,
                    ingestMetrics, IngestListener.both(registry, linker));
            Router router = Router.router(vertx);
            RemoteAuthReceiver.mount(router, registry, pipeline, ingestMetrics, 1 << 20, neverLoaded, linker);
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String auth = "http://127.0.0.1:" + server.actualPort() + RemoteAuthReceiver.PATH + door.tokens().auth();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> heartbeat = http.send(HttpRequest.newBuilder(URI.create(auth)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(auth)).POST(
                    HttpRequest.BodyPublishers.ofString(DevicePayloads.authorizationRequest(DevicePayloads.SERIAL, "5",
                            "王五", Instant.now(), DevicePayloads.jpeg(200, 1)).toString(), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(heartbeat.statusCode()).isEqualTo(503);
            assertThat(DeviceHub.json(heartbeat.body()).path("msg").asText()).contains("directory has not loaded");
            assertThat(heartbeat.headers().firstValue("Retry-After")).isPresent();
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode data = DeviceHub.json(answer.body()).path("data");
            assertThat(data.path("pass").asBoolean()).as("fail-secure").isFalse();
            assertThat(data.path("customtips").asText()).isEqualTo("Try later");
            assertThat(RemoteAuthReceiver.readiness(neverLoaded).problems().toCompletableFuture().get())
                    .singleElement().asString().contains("remote authorization cannot decide");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
