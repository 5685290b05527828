package io.gatehouse.server.connect;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Plain HTTP exchanges with one device: a small keep-alive pool with the device's TLS trust, a timeout per
 * request, and answers bounded in size (a device that streams without end costs the hub nothing but the limit).
 * Create and use it on the connector's loop.
 */
final class DeviceHttp {
    /** One answer: status, headers (terminals put {@code sn} and {@code model} there) and the whole body. */
    record Reply(int status, MultiMap headers, Buffer body) {
    }

    private final DeviceEndpoint endpoint;
    private final ConnectorSettings settings;
    private final HttpClientAgent client;

    DeviceHttp(Vertx vertx, DeviceEndpoint endpoint, DeviceTls tls, ConnectorSettings settings) {
        this.endpoint = endpoint;
        this.settings = settings;
        int timeout = (int) settings.requestTimeout().toMillis();
        this.client = vertx.createHttpClient(tls.apply(new HttpClientOptions().setKeepAlive(true)
                .setKeepAliveTimeout(30).setConnectTimeout(timeout).setName("gatehouse-device-" + endpoint.deviceId())),
                new PoolOptions().setHttp1MaxSize(2));
    }

    /**
     * Sends one request. A device that rebooted leaves closed connections in the pool; a request that meets one is
     * sent once more on a fresh connection when {@code repeatable} (it does no harm twice).
     */
    Future<Reply> send(HttpMethod method, String path, byte[] body, String authorization, boolean repeatable) {
        Future<Reply> first = send(method, path, body, authorization);
        return repeatable ? first.recover(e -> e instanceof HttpClosedException
                ? send(method, path, body, authorization) : Future.failedFuture(e)) : first;
    }

    private Future<Reply> send(HttpMethod method, String path, byte[] body, String authorization) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(endpoint.host())
                .setPort(endpoint.port()).setURI(path).setIdleTimeout(settings.requestTimeout().toMillis())
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        if (authorization != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(this::read);
    }

    private Future<Reply> read(HttpClientResponse response) {
        int limit = settings.maxMessageBytes();
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > limit) {
            response.request().reset();
            return Future.failedFuture(tooLarge(response, limit));
        }
        Promise<Reply> reply = Promise.promise();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > limit) {
                reply.tryFail(tooLarge(response, limit));
                response.request().reset();
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(reply::tryFail);
        response.endHandler(v -> reply.tryComplete(new Reply(response.statusCode(), response.headers(), body)));
        return reply.future();
    }

    private static DeviceException tooLarge(HttpClientResponse response, int limit) {
        return new DeviceException(DeviceState.DEGRADED, response.request().getMethod() + " " + response.request().getURI()
                + ": the answer is larger than " + limit + " bytes");
    }

    Future<Void> close() {
        return client.close();
    }
}
