package io.gatehouse.core.store;

import java.util.concurrent.CompletionStage;

/**
 * The hub's durable store of events and their images. {@link #append} is the only way in: it completes
 * when the event (and its images, written first) is committed, so a receiver can answer a device only
 * once what the device sent is kept. Implementations batch concurrent appends into one commit.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Stores {@code event} once. Never blocks: when the store's queue is full it completes at once with a
     * {@link StoreFullException}; a store may keep less of its room for records of {@link Channel#REMOTE_AUTH},
     * whose sender does not wait for them. Completes exceptionally on other failures too (I/O error, store closed);
     * in every such case the caller tells the device to retry. A successful completion runs on the store's
     * writer thread: continue on your own context (a Vert.x context, an executor), never block there.
     */
    CompletionStage<AppendResult> append(Ingested event);
}
