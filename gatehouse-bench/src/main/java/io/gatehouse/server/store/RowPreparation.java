package io.gatehouse.server.store;

import io.gatehouse.core.store.Ingested;
import java.time.Duration;

/**
 * The store's preparation of an event's row (images out of the payload, JSON rendered), which the hub keeps
 * package-private. This class ships in the benchmark jar only, so that {@code ReceiveBenchmark} can time it.
 */
public final class RowPreparation {
    private static final Duration LATE = Duration.ofMinutes(1);

    private RowPreparation() {
    }

    /** @return the prepared row, opaque to the caller */
    public static Object prepare(Ingested event) {
        return PreparedEvent.of(event, LATE);
    }
}
