package io.gatehouse.server.ingest;

import io.gatehouse.simulator.terminal.Terminal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Configures an emulated terminal through its documented Web API, as an installer would by hand (the hub's
 * connectors do the same by read-modify-write): where to push records, and remote authorization. Plain HTTP
 * terminals only; Basic authentication.
 */
final class TerminalSetup {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TerminalSetup() {
    }

    static void push(Terminal terminal, String eventDest) throws Exception {
        post(terminal, "/v1/event/subscribe", "{\"event_dest\":\"" + eventDest + "\",\"enabled\":true}");
    }

    static void remoteAuth(Terminal terminal, String address, int fallbackMinutes) throws Exception {
        post(terminal, "/v1/device/functions", "{\"auth_mode\":1,\"remote_authentication_address\":\"" + address
                + "\",\"remote_auth_timeout_to_local_auth\":" + fallbackMinutes + "}");
    }

    private static void post(Terminal terminal, String path, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((terminal.username() + ":" + terminal.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(terminal.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"code\":200")) {
            throw new AssertionError(path + " refused by " + terminal.serial() + ": " + response.body());
        }
    }
}
