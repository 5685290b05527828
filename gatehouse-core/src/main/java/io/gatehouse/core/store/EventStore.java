package io.gatehouse.core.store;

import java.util.concurrent.CompletionStage;

/**
 * The hub's durable store of events and their images. {@link #append} is the only way in: it completes
 * when the event (and its images, written first) is committed, so a receiver can answer a device only
 * once what the device sent is kept. Implementations batch concurrent appends into one commit.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Stores {@code event} once. Completes exceptionally when the store cannot take it (full queue, I/O
     * failure); the caller then tells the device to retry.
     */
    CompletionStage<AppendResult> append(Ingested event);
}
