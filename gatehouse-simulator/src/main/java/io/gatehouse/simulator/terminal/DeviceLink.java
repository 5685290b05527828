package io.gatehouse.simulator.terminal;

import io.gatehouse.simulator.device.NetworkCondition;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The terminal's outgoing HTTP: pushes, remote-authorization requests and heartbeats all leave through here,
 * from the terminal's own address, so that a network taken down or slowed by the control API affects them all
 * alike. A request that gets no complete answer in time fails.
 */
final class DeviceLink {
    /** What came back: the HTTP status and the body. */
    record Reply(int status, Buffer body) {
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final Supplier<NetworkCondition> network;
    private final Consumer<MultiMap> headers;

    DeviceLink(Vertx vertx, HttpClient client, Supplier<NetworkCondition> network, Consumer<MultiMap> headers) {
        this.vertx = vertx;
        this.client = client;
        this.network = network;
        this.headers = headers;
    }

    Future<Reply> post(String url, Buffer body, Duration timeout) {
        return send(HttpMethod.POST, url, body, timeout);
    }

    Future<Reply> get(String url, Duration timeout) {
        return send(HttpMethod.GET, url, null, timeout);
    }

    private Future<Reply> send(HttpMethod method, String url, Buffer body, Duration timeout) {
        NetworkCondition condition = network.get();
        if (condition.down()) {
            return Future.failedFuture("network is down");
        }
        if (condition.delayMillis() > 0) {
            return delay(condition.delayMillis()).compose(v -> exchange(method, url, body, timeout));
        }
        return exchange(method, url, body, timeout);
    }

    private Future<Void> delay(long millis) {
        return Future.future(promise -> vertx.setTimer(millis, id -> promise.complete()));
    }

    private Future<Reply> exchange(HttpMethod method, String url, Buffer body, Duration timeout) {
        RequestOptions options;
        try {
            options = new RequestOptions().setMethod(method).setAbsoluteURI(url).setTimeout(timeout.toMillis());
        } catch (RuntimeException e) {
            return Future.failedFuture("unusable address " + url + ": " + e.getMessage());
        }
        MultiMap requestHeaders = MultiMap.caseInsensitiveMultiMap();
        if (body != null) {
            requestHeaders.set("content-type", "application/json");
        }
        headers.accept(requestHeaders);
        options.setHeaders(requestHeaders);
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(content -> new Reply(response.statusCode(), content)));
    }
}
