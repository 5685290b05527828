package io.gatehouse.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.Ingested;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real hub on a free loopback port with a known admin token, and a plain HTTP client to talk to it. */
public final class TestHub implements AutoCloseable {
    public static final String TOKEN = "test-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Hub hub;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    public TestHub(Path dataDir) throws Exception {
        this(HubConfig.defaults().withPort(0).withDataDir(dataDir).withAdminToken(TOKEN));
    }

    public TestHub(HubConfig config) throws Exception {
        this.hub = Hub.start(config.withBindHost("127.0.0.1"));
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + hub.port() + pathAndQuery);
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN);
    }

    /** A request without the admin token (health, metrics, the OpenAPI document, or to be refused). */
    public HttpRequest.Builder anonymous(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    /** GET with the admin token. */
    public HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(request(pathAndQuery).build());
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws Exception {
        return http.send(request, body);
    }

    public static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    public AppendResult append(Ingested event) throws Exception {
        return hub.events().append(event).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        hub.close();
    }
}
