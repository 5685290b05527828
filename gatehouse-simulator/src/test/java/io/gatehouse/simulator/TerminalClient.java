package io.gatehouse.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.simulator.terminal.Terminal;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What an integrator's code does against a terminal's Web API, blocking, for tests. Trusts the self-signed certificate. */
public final class TerminalClient implements AutoCloseable {
    private final WebClient client;
    private final Terminal terminal;

    /** An answer: HTTP status, headers and the parsed body. */
    public record Reply(int status, MultiMap headers, JsonNode body) {
        public int code() {
            return body.path("code").asInt(-1);
        }

        public String msg() {
            return body.path("msg").asText();
        }

        public JsonNode data() {
            return body.path("data");
        }
    }

    public TerminalClient(Vertx vertx, Terminal terminal) {
        this.client = WebClient.create(vertx, new WebClientOptions().setTrustAll(true).setVerifyHost(false));
        this.terminal = terminal;
    }

    public String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (terminal.username() + ":" + terminal.password()).getBytes(StandardCharsets.UTF_8));
    }

    public String login(int validMinutes) {
        Reply reply = send(HttpMethod.POST, "/v1/auth/login", null,
                "{\"username\":\"" + terminal.username() + "\",\"password\":\"" + terminal.password()
                        + "\",\"validTime\":" + validMinutes + "}");
        if (reply.code() != 200) {
            throw new AssertionError("login failed: " + reply.body());
        }
        return "Bearer " + reply.data().path("token").asText();
    }

    public Reply get(String path, String authorization) {
        return send(HttpMethod.GET, path, authorization, null);
    }

    public Reply post(String path, String authorization, String body) {
        return send(HttpMethod.POST, path, authorization, body);
    }

    public Reply send(HttpMethod method, String path, String authorization, String body) {
        return sendBytes(method, path, authorization, body == null ? null : Buffer.buffer(body));
    }

    public Reply sendBytes(HttpMethod method, String path, String authorization, Buffer body) {
        HttpRequest<Buffer> request = client.requestAbs(method, terminal.baseUrl() + path);
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        HttpResponse<Buffer> response = Await.result(body == null ? request.send() : request.sendBuffer(body));
        JsonNode json;
        try {
            json = Json.standard().parse(response.body() == null ? new byte[0] : response.body().getBytes());
        } catch (Exception e) {
            throw new AssertionError("the terminal answered HTTP " + response.statusCode() + " with a body that is not"
                    + " JSON: " + response.bodyAsString(), e);
        }
        return new Reply(response.statusCode(), response.headers(), json);
    }

    @Override
    public void close() {
        client.close();
    }
}
