package io.gatehouse.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulated terminals: each has its own loopback source address, its own HTTP client (keep-alive, at most
 * {@value #CONNECTIONS} connections, as many requests in flight as a hub lets one device have by default) and
 * its receiver addresses, and sends realistic bodies ({@link Payloads}) of the scenario asked for.
 */
final class Fleet implements AutoCloseable {
    static final int CONNECTIONS = 16;

    enum Scenario { PUSH, AUTH }

    /** Where one terminal sends: its record-push and its remote-authorization address. */
    record Receivers(String push, String auth) {
        String of(Scenario scenario) {
            return scenario == Scenario.PUSH ? push : auth;
        }
    }

    /**
     * One emulated terminal. Its requests are started on its own Vert.x context: calling the HTTP client from a
     * foreign thread left a few requests hanging forever in Vert.x 5.0.7 (seen here, keep-alive on).
     */
    private record Device(String address, Context context, HttpClientAgent client, Receivers receivers,
                          Payloads payloads, AtomicLong walkUps) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final List<Device> devices = new ArrayList<>();
    private final Set<String> failureKinds = ConcurrentHashMap.newKeySet();

    /** Terminal {@code i} sends from {@code address(first, i)} to {@code receivers.get(i)}, with serial {@code serial(i)}. */
    Fleet(String firstAddress, List<Receivers> receivers, int imageBytes) throws UnknownHostException {
        for (int i = 0; i < receivers.size(); i++) {
            String source = address(firstAddress, i);
            HttpClientAgent client = vertx.createHttpClient(
                    new HttpClientOptions().setLocalAddress(source).setKeepAlive(true).setConnectTimeout(5000),
                    new PoolOptions().setHttp1MaxSize(CONNECTIONS).setMaxWaitQueueSize(10_000));
            devices.add(new Device(source, vertx.getOrCreateContext(), client, receivers.get(i),
                    new Payloads(serial(i), imageBytes), new AtomicLong()));
        }
    }

    /** The serial number terminal {@code i} reports. */
    static String serial(int i) {
        return String.format("PSC700LOAD%08d", i);
    }

    /** The {@code i}-th loopback address from {@code first} on (127.0.2.1, 127.0.2.2, ... 127.0.2.254, 127.0.3.0...). */
    static String address(String first, int i) throws UnknownHostException {
        byte[] address = InetAddress.getByName(first).getAddress();
        int last = (address[3] & 0xFF) + i;
        address[2] = (byte) ((address[2] & 0xFF) + last / 255);
        address[3] = (byte) (last % 255);
        if ((address[0] & 0xFF) != 127) {
            throw new IllegalArgumentException("load goes to loopback addresses only (127.0.0.0/8), not " + first);
        }
        return InetAddress.getByAddress(address).getHostAddress();
    }

    int size() {
        return devices.size();
    }

    int bodySize() {
        return devices.get(0).payloads().pushSize();
    }

    /** Request {@code i} of the scenario, from terminal {@code i mod size}; completes normally for a 200. */
    CompletionStage<Buffer> send(Scenario scenario, long i) {
        Device device = devices.get((int) (i % devices.size()));
        // a terminal's own count of walk-ups, across steps: the same person at the same door in the same second
        // would be the same request to the hub (a duplicate)
        byte[] body = scenario == Scenario.PUSH ? device.payloads().push()
                : device.payloads().authRequest(device.walkUps().getAndIncrement());
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(device.receivers().of(scenario)).setConnectTimeout(5_000).setIdleTimeout(10_000)
                .putHeader("Content-Type", "application/json");
        CompletableFuture<Buffer> answered = new CompletableFuture<>();
        device.context().runOnContext(ignored -> device.client().request(request)
                .compose(r -> r.send(Buffer.buffer(body)))
                .compose(response -> response.body().compose(answer -> response.statusCode() == 200
                        ? Future.succeededFuture(answer)
                        : Future.failedFuture("HTTP " + response.statusCode() + " " + abbreviated(answer))))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        answered.complete(result.result());
                    } else {
                        noteFailure(result.cause());
                        answered.completeExceptionally(result.cause());
                    }
                }));
        return answered;
    }

    private static String abbreviated(Buffer answer) {
        String text = answer.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** Prints each kind of failure once, so a misconfigured run explains itself. */
    private void noteFailure(Throwable error) {
        String kind = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (failureKinds.size() < 20 && failureKinds.add(kind)) {
            System.err.println("request failed: " + kind);
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
