package io.gatehouse.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.normalize.EventNormalizer;
import io.gatehouse.core.normalize.Origin;
import io.gatehouse.core.policy.Decision;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.db.Database;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real hub slice for the tests: Vert.x, the SQLite database in a temporary directory, access control mounted
 * on an HTTP server on 127.0.0.1 and a free port, and an HTTP client for the admin API.
 */
final class AccessHarness implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final Database database;
    final AccessControl access;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    AccessHarness(Path dataDir, AccessConfig config) throws Exception {
        this(Database.open(dataDir), config);
    }

    AccessHarness(Database database, AccessConfig config) throws Exception {
        this.database = database;
        Router router = Router.router(vertx);
        this.access = AccessControl.mount(vertx, router, database, new SimpleMeterRegistry(), config);
        this.server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return Json.standard().parse(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Reply send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body());
    }

    Reply get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    Reply put(String path, String json) throws Exception {
        return send("PUT", path, "application/json", json);
    }

    Reply post(String path, String contentType, String body) throws Exception {
        return send("POST", path, contentType, body);
    }

    /** Waits until the directory has loaded, as the hub does after start. */
    AccessHarness loaded() throws Exception {
        access.directory().snapshot().toCompletableFuture().get(20, TimeUnit.SECONDS);
        return this;
    }

    /** Decides a terminal's request, given as the JSON the terminal POSTs. */
    Decision decide(String terminalJson) throws Exception {
        return ask(terminalJson).get(10, TimeUnit.SECONDS);
    }

    /** Asks about a terminal's request; the future completes when the door would get its answer. */
    CompletableFuture<Decision> ask(String terminalJson) throws Exception {
        long received = System.nanoTime();
        byte[] wire = terminalJson.getBytes(StandardCharsets.UTF_8);
        var message = ProtocolCodec.standard().decode(wire).message();
        AccessEvent event = (AccessEvent) EventNormalizer.standard().normalize(message,
                ProtocolCodec.standard().parse(wire), Origin.UNKNOWN);
        return access.authorizer().authorize(event, received);
    }

    /** A v1.3.0 request of a library employee at a terminal. */
    static String request(String deviceSerial, String userId, String name) {
        return """
                {"deviceSN":"%s","recognizeStatus":2,"recognizeScore":0.93,"entry_mode":1,"mask":2,
                 "rgb_image":"","bodyTemperature":36.4,"timestamp":%d,"qrcode_content":"",
                 "user":{"name":"%s","user_id":"%s","type":1,"ic_number":"","id_number":"","job_number":"",
                         "remark":"","pin":"","guest_time_start":0,"guest_time_end":0,"groups":[]}}
                """.formatted(deviceSerial, System.currentTimeMillis() / 1000, name, userId);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
