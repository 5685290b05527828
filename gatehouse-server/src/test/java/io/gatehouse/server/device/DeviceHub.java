package io.gatehouse.server.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.HubConfig;
import io.gatehouse.server.TestHub;
import io.gatehouse.server.connect.ConnectorSettings;
import io.gatehouse.simulator.sophon.SeBox;
import io.gatehouse.simulator.terminal.Terminal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real hub on loopback with helpers to register devices through the API (emulated ones with their account, so
 * that the hub connects to them) and to talk to their receivers the way a device does (no admin token, the secret
 * path only).
 */
public final class DeviceHub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final TestHub hub;

    /** A hub whose connectors keep the emulator's fast pace. */
    public DeviceHub(Path data) throws Exception {
        this(HubConfig.defaults().withPort(0).withDataDir(data).withAdminToken(TestHub.TOKEN)
                .withConnect(ConnectorSettings.forTests()));
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

    /**
     * A terminal with push (and any further channels), serial known or not, registered without a password: the hub
     * does not connect to it and only takes what is sent to its receivers, configured on the terminal by hand.
     */
    public JsonNode registerTerminal(String id, String serial, String... channels) throws Exception {
        List<String> all = new ArrayList<>(List.of("push"));
        all.addAll(List.of(channels));
        return register("{\"kind\":\"terminal\",\"id\":\"" + id + "\",\"host\":\"127.0.0.1\""
                + (serial == null ? "" : ",\"serial\":\"" + serial + "\"") + ",\"channels\":" + labels(all) + "}");
    }

    /** An emulated terminal as an operator registers it: its address and account; the hub connects and configures. */
    public JsonNode register(String id, Terminal terminal, String... channels) throws Exception {
        return register("{\"kind\":\"terminal\",\"id\":\"" + id + "\",\"host\":\"" + terminal.address()
                + "\",\"port\":" + terminal.port() + ",\"tls\":" + terminal.baseUrl().startsWith("https")
                + ",\"username\":\"" + terminal.username() + "\",\"password\":\"" + terminal.password()
                + "\",\"channels\":" + labels(List.of(channels)) + "}");
    }

    /** An emulated SE box, all its cameras. */
    public JsonNode register(String id, SeBox box) throws Exception {
        return register("{\"kind\":\"se-box\",\"id\":\"" + id + "\",\"host\":\"" + box.address()
                + "\",\"restPort\":" + box.restPort() + ",\"webSocketPort\":" + box.webSocketPort()
                + ",\"version\":\"" + box.version() + "\"}");
    }

    /** The device's state as the API shows it: ONLINE, CERTIFICATE_CHANGED... */
    public String state(String id) throws Exception {
        return get("/api/devices/" + id).path("state").path("state").asText();
    }

    private static String labels(List<String> channels) {
        return channels.stream().map(c -> "\"" + c + "\"").toList().toString();
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
