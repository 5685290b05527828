package io.gatehouse.server.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.HubConfig;
import io.gatehouse.server.TestHub;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real hub on loopback with helpers to register devices through the API and talk to their receivers the way a
 * device does (no admin token, the secret path only).
 */
public final class DeviceHub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final TestHub hub;

    public DeviceHub(Path data) throws Exception {
        this(HubConfig.defaults().withPort(0).withDataDir(data).withAdminToken(TestHub.TOKEN));
    }

    public DeviceHub(HubConfig config) throws Exception {
        this.hub = new TestHub(config);
    }

    /** Registers a device; fails the test unless the hub answers 201. */
    public JsonNode register(String json) throws Exception {
        HttpResponse<String> response = post("/api/devices", json);
        if (response.statusCode() != 201) {
            throw new AssertionError("registration refused: " + response.statusCode() + " " + response.body());
        }
        return TestHub.json(response);
    }

    /** A terminal on {@code host} with push (and any further channels), serial known or not. */
    public JsonNode registerTerminal(String id, String serial, String... channels) throws Exception {
        List<String> all = new ArrayList<>(List.of("\"push\""));
        for (String channel : channels) {
            all.add("\"" + channel + "\"");
        }
        return register("{\"kind\":\"terminal\",\"id\":\"" + id + "\",\"host\":\"127.0.0.1\",\"password\":\"pw\""
                + (serial == null ? "" : ",\"serial\":\"" + serial + "\"") + ",\"channels\":" + all + "}");
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        return hub.send(hub.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** POSTs {@code body} to a receiver URL as a device would: no token, just the address. */
    public HttpResponse<String> deviceSends(String url, byte[] body) throws Exception {
        return hub.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> deviceGets(String url) throws Exception {
        return hub.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    public JsonNode get(String path) throws Exception {
        HttpResponse<String> response = hub.get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return TestHub.json(response);
    }

    /** Every stored event (newest first, up to 500). */
    public JsonNode events(String query) throws Exception {
        return get("/api/events?limit=500" + (query.isEmpty() ? "" : "&" + query)).path("events");
    }

    public String metrics() throws Exception {
        return hub.send(hub.anonymous("/metrics").build()).body();
    }

    public static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Override
    public void close() throws Exception {
        hub.close();
    }
}
