package io.gatehouse.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.TestHub;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Reads a Server-Sent Events stream as a browser's EventSource would: id, event and data lines, blank line ends one. */
final class SseClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Message(long id, String event, JsonNode data) {
    }

    private SseClient() {
    }

    /** Connects, reads {@code count} messages, then disconnects; fails after {@code timeout}. */
    static List<Message> read(TestHub hub, String path, Map<String, String> headers, int count, Duration timeout)
            throws Exception {
        HttpRequest.Builder request = hub.request(path).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpResponse<InputStream> response = hub.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError("stream answered " + response.statusCode() + ": "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        AtomicReference<InputStream> body = new AtomicReference<>(response.body());
        CompletableFuture<List<Message>> reading = CompletableFuture.supplyAsync(() -> {
            List<Message> messages = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body.get(), StandardCharsets.UTF_8))) {
                Long id = null;
                String event = null;
                StringBuilder data = new StringBuilder();
                String line;
                while (messages.size() < count && (line = lines.readLine()) != null) {
                    if (line.startsWith("id: ")) {
                        id = Long.parseLong(line.substring(4));
                    } else if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    } else if (line.isEmpty() && id != null) {
                        messages.add(new Message(id, event, JSON.readTree(data.toString())));
                        id = null;
                        event = null;
                        data.setLength(0);
                    }
                }
                return messages;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            body.get().close();
        }
    }
}
