package io.gatehouse.server.store;

import static io.gatehouse.server.DevicePayloads.SERIAL;
import static io.gatehouse.server.DevicePayloads.ingested;
import static io.gatehouse.server.DevicePayloads.jpeg;
import static io.gatehouse.server.DevicePayloads.recognition;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.EventFilter;
import io.gatehouse.core.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while appending: after the restart every acknowledged event is stored exactly once, under the sequence
 * number it was acknowledged with, with its image intact.
 */
class StoreCrashTest {
    private static final int ACKS_BEFORE_KILL = 1_000;
    private static final long BOUND_MILLIS = 60_000;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventSurvivesKillMinusNineAndNoneIsStoredTwice() throws Exception {
        Path data = dir.resolve("data");
        Path acks = dir.resolve("acks.txt");
        Files.createFile(acks);
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashingAppender.class.getName(), data.toString(), acks.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            long deadline = System.currentTimeMillis() + BOUND_MILLIS;
            while (lines(acks) < ACKS_BEFORE_KILL && child.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(child.isAlive()).as("the appender runs until killed; see child.log").isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
            child.waitFor(30, TimeUnit.SECONDS);
        }

        Map<String, Long> acknowledged = acknowledged(acks);
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL / 2);
        try (StoreFixture reopened = new StoreFixture(data)) {
            List<StoredEvent> stored = reopened.all(EventFilter.ALL);
            Map<String, Long> storedSeqs = new HashMap<>();
            for (StoredEvent event : stored) {
                assertThat(storedSeqs.put(event.dedupeKey(), event.seq())).as("stored twice: " + event.dedupeKey()).isNull();
            }
            for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                String key = "sense/" + SERIAL + "/" + ack.getKey();
                assertThat(storedSeqs.get(key)).as(key).isEqualTo(ack.getValue());
            }
            // the images of acknowledged events are whole, and a device resending one hears "already stored"
            for (String uuid : acknowledged.keySet().stream().limit(100).toList()) {
                int n = Integer.parseInt(uuid.substring("crash-".length()));
                byte[] face = jpeg(4_000, n);
                assertThat(reopened.image(face)).isEqualTo(face);
                AppendResult again = reopened.append(ingested(recognition(SERIAL, uuid, "5", "王五", true,
                        Instant.parse("2026-01-01T08:00:00Z").plusSeconds(n), face), SERIAL, Channel.RECORD_PUSH,
                        Instant.now()));
                assertThat(again.duplicate()).isTrue();
                assertThat(again.seq()).isEqualTo(acknowledged.get(uuid));
            }
        }
    }

    /** uuid to acknowledged seq; a duplicate's ack must name the same seq as the original's. */
    private static Map<String, Long> acknowledged(Path acks) throws Exception {
        String text = Files.readString(acks, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n'); // the last line may have been cut by the kill
        Map<String, Long> seqs = new HashMap<>();
        Set<Long> originals = new HashSet<>();
        for (String line : text.substring(0, end + 1).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(" ");
            long seq = Long.parseLong(parts[1]);
            Long earlier = seqs.putIfAbsent(parts[0], seq);
            assertThat(earlier == null ? seq : earlier).as(line).isEqualTo(seq);
            if (!Boolean.parseBoolean(parts[2])) {
                assertThat(originals.add(seq)).as("seq acknowledged as new twice: " + line).isTrue();
            }
        }
        return seqs;
    }

    private static long lines(Path file) throws Exception {
        return Files.size(file) / 20; // an ack line is about 20 bytes: close enough to pace the test
    }
}
