package io.gatehouse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.simulator.device.Counter;
import io.gatehouse.simulator.device.CounterSnapshot;
import io.gatehouse.simulator.terminal.Terminal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The emulator's own ceiling: 1,000 TLS terminals in one process, each with a WebSocket client on
 * {@code /v1/event} and pushing every record to a receiver, at rising rates. Measures memory per device and the
 * event rate the fleet sustains (every record delivered and streamed, nothing left in the caches). Runs only with
 * {@code -Pfleet}; writes its table to {@code target/fleet-ceiling.txt}. Bounded: about three minutes.
 */
@Tag("fleet")
class FleetCeilingTest {
    private static final int TERMINALS = Integer.getInteger("fleet.terminals", 1000);
    private static final double[] RATES = {1, 2, 4, 8};
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration WINDOW = Duration.ofSeconds(20);

    private final List<String> report = new ArrayList<>();

    @Test
    void aThousandTerminalsWithWebSocketClientsAndPush() throws Exception {
        line("fleet ceiling, %s, %d terminals (TLS, v1.3.0), one WebSocket client each, push to a receiver in the"
                + " same process; JDK %s, %d cores", Instant.now(), TERMINALS, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        for (double rate : RATES) {
            run(rate);
        }
        Files.write(Path.of("target", "fleet-ceiling.txt"), report);
    }

    private void run(double rate) throws Exception {
        long baseline = usedHeap();
        Vertx receiverVertx = Vertx.vertx();
        LongAdder received = new LongAdder();
        HttpServer receiver = Await.result(receiverVertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> req.end().onComplete(v -> {
                    received.increment();
                    req.response().end(TestReceiver.PUSH_TAKEN);
                })).listen());
        SiteConfig config = SiteConfig.defaults().withFirstAddress("127.0.40.1").withDevices(TERMINALS, 0, 0)
                .withRate(rate).withCredentials("admin", "fleet").withCapacities(50_000, 100)
                .withEventDest("http://127.0.0.1:" + receiver.actualPort() + "/push");
        long started = System.nanoTime();
        try (SimulatedSite site = SimulatedSite.start(config)) {
            double startSeconds = (System.nanoTime() - started) / 1e9;
            LongAdder streamed = new LongAdder();
            List<WebSocket> clients = connectAll(receiverVertx, site, streamed);
            long perDevice = (usedHeap() - baseline) / TERMINALS;
            Thread.sleep(WARM_UP.toMillis());
            CounterSnapshot before = totals(site);
            long streamedBefore = streamed.sum();
            Thread.sleep(WINDOW.toMillis());
            CounterSnapshot after = totals(site);
            double seconds = WINDOW.toMillis() / 1000.0;
            double generated = (after.generated() - before.generated()) / seconds;
            double delivered = (after.delivered() - before.delivered()) / seconds;
            double ws = (streamed.sum() - streamedBefore) / seconds;
            line("rate %.0f/s per terminal: started in %.1f s; heap %d KiB per device (with its WebSocket); generated"
                    + " %.0f/s, delivered %.0f/s, streamed to clients %.0f/s; backlog %d, cached %d, dropped %d;"
                    + " RSS %d MiB", rate, startSeconds, perDevice >> 10, generated, delivered, ws, after.backlog(),
                    after.cacheSize(), after.dropped(), rssMiB());
            assertThat(clients).hasSize(TERMINALS);
            assertThat(after.delivered()).isPositive();
            clients.forEach(WebSocket::close);
        } finally {
            receiverVertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    private static List<WebSocket> connectAll(Vertx vertx, SimulatedSite site, LongAdder streamed) {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(true)
                .setTrustAll(true).setVerifyHost(false).setMaxConnections(TERMINALS + 10));
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:fleet".getBytes(StandardCharsets.UTF_8));
        List<WebSocket> sockets = new ArrayList<>();
        for (List<Terminal> batch : batches(site.terminals(), 100)) {
            List<Future<WebSocket>> connecting = batch.stream().map(t -> client.connect(new WebSocketConnectOptions()
                    .setHost(t.address()).setPort(t.port()).setURI("/v1/event").setSsl(true)
                    .addHeader("Authorization", basic))).toList();
            for (Future<WebSocket> socket : connecting) {
                WebSocket ws = Await.result(socket);
                ws.textMessageHandler(text -> streamed.increment());
                sockets.add(ws);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> site.terminals().stream().allMatch(t -> t.webSocketClients() == 1));
        return sockets;
    }

    private static <T> List<List<T>> batches(List<T> all, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            batches.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return batches;
    }

    private static CounterSnapshot totals(SimulatedSite site) {
        long[] sums = new long[Counter.values().length];
        int cache = 0;
        int backlog = 0;
        for (Terminal terminal : site.terminals()) {
            CounterSnapshot c = terminal.counters();
            for (Counter counter : Counter.values()) {
                sums[counter.ordinal()] += c.get(counter);
            }
            cache += c.cacheSize();
            backlog += c.backlog();
        }
        return new CounterSnapshot(sums, cache, backlog);
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        return -1;
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.add(text);
        System.out.println(text);
    }
}
