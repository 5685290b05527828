package io.gatehouse.server.access.delegate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.EventJson;
import io.gatehouse.core.policy.authorize.Delegate;
import io.gatehouse.core.policy.authorize.DelegateAnswer;
import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.protocol.Coded;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.protocol.json.Notes;
import io.gatehouse.protocol.sense.VerifyCode;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Asks a customer's HTTP service to decide: {@code POST} of {@code {"request": <normalized event>, "door": {...}}}
 * (images as metadata, never bytes), answered with {@code {"pass": bool, "tip"?: string, "verifyCode"?: int,
 * "reason"?: string}}. Each call has its own timeout; after {@code maxFailures} failures in a row the circuit
 * opens and calls fail at once (the local policy decides) until a trial call after {@code resetAfter} succeeds.
 */
public final class HttpDelegate implements Delegate, AutoCloseable {
    private final WebClient client;
    private final CircuitBreaker breaker;
    private final URI url;
    private final long timeoutMillis;

    public HttpDelegate(Vertx vertx, URI url, Duration timeout, int maxFailures, Duration resetAfter) {
        this.url = url;
        this.timeoutMillis = timeout.toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) timeoutMillis)
                .setUserAgent("gatehouse-access-delegate"));
        this.breaker = CircuitBreaker.create("gatehouse-access-delegate", vertx, new CircuitBreakerOptions()
                .setMaxFailures(maxFailures)
                .setTimeout(timeoutMillis)
                .setResetTimeout(resetAfter.toMillis())
                .setFallbackOnFailure(false));
    }

    @Override
    public CompletionStage<DelegateAnswer> ask(AccessEvent request, Door door) {
        Buffer body = Buffer.buffer(Json.standard().write(body(request, door)));
        Future<DelegateAnswer> answer = breaker.execute(() -> client.postAbs(url.toString())
                .timeout(timeoutMillis)
                .putHeader("Content-Type", "application/json")
                .sendBuffer(body)
                .compose(HttpDelegate::read));
        return answer.toCompletionStage();
    }

    public CircuitBreakerState state() {
        return breaker.state();
    }

    static ObjectNode body(AccessEvent request, Door door) {
        return FieldWriter.object()
                .put("request", EventJson.render(request))
                .put("door", door == null ? null : FieldWriter.object().put("id", door.id()).put("name", door.name())
                        .put("siteId", door.siteId()))
                .build();
    }

    private static Future<DelegateAnswer> read(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            return Future.failedFuture("the delegate answered HTTP " + response.statusCode());
        }
        try {
            FieldReader r = FieldReader.root(Json.standard().parse(response.body() == null ? new byte[0]
                    : response.body().getBytes()), new Notes());
            Integer code = Coded.read(r, "verifyCode", VerifyCode::of);
            return Future.succeededFuture(new DelegateAnswer(r.booleanValue("pass"), r.optString("tip"),
                    code == null ? null : VerifyCode.of(code), r.optString("reason")));
        } catch (DecodeException e) {
            return Future.failedFuture("the delegate's answer does not read: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        breaker.close();
        client.close();
    }
}
