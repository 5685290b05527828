package io.gatehouse.server.store;

import static io.gatehouse.server.DevicePayloads.SERIAL;
import static io.gatehouse.server.DevicePayloads.ingested;
import static io.gatehouse.server.DevicePayloads.jpeg;
import static io.gatehouse.server.DevicePayloads.recognition;

import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.Channel;
import io.gatehouse.server.db.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The child process of {@link StoreCrashTest}: appends as fast as the store takes events (a device fleet at full
 * rate, some events sent twice) and records every acknowledged append, the way a device forgets an event once the
 * hub said it stored it. It never stops by itself before a minute; the test kills it with SIGKILL.
 *
 * <p>Arguments: DATA_DIR ACK_FILE
 */
public final class CrashingAppender {
    private CrashingAppender() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        EventStorage storage = EventStorage.open(Database.open(data), data, StoreSettings.DEFAULTS,
                RetentionSettings.DEFAULTS, new SimpleMeterRegistry());
        Instant t0 = Instant.parse("2026-01-01T08:00:00Z");
        Semaphore inFlight = new Semaphore(256);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try (FileOutputStream acks = new FileOutputStream(args[1], true)) {
            for (int i = 0; System.nanoTime() < deadline; i++) {
                // one event in eight is a replay of an earlier one: it must come back as a duplicate
                int n = i % 8 == 7 ? ThreadLocalRandom.current().nextInt(i) : i;
                String uuid = "crash-" + n;
                inFlight.acquire();
                storage.store().append(ingested(recognition(SERIAL, uuid, "5", "王五", true, t0.plusSeconds(n),
                        jpeg(4_000, n)), SERIAL, Channel.RECORD_PUSH, t0.plusSeconds(n)))
                        .whenComplete((result, failure) -> {
                            inFlight.release();
                            if (result != null) {
                                acknowledge(acks, uuid, result);
                            }
                        });
            }
        }
    }

    /** One line per acknowledgement, written straight to the OS (it survives the process's SIGKILL). */
    private static void acknowledge(FileOutputStream acks, String uuid, AppendResult result) {
        byte[] line = (uuid + " " + result.seq() + " " + result.duplicate() + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (acks) {
            try {
                acks.write(line);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
