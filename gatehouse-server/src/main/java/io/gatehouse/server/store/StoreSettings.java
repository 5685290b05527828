package io.gatehouse.server.store;

import java.time.Duration;

/**
 * How the event store runs. The defaults suit a site of a few hundred doors on two cores.
 *
 * @param queueCapacity events accepted but not yet committed; beyond it {@code append} fails at once
 * @param queueBytes    heap those events may hold, counted from their images (three times each: decoded, as base64,
 *                      and in what is built from them); beyond it {@code append} fails at once. 0: an eighth of the heap
 * @param maxBatch      most events in one commit
 * @param readers       threads (each with its own connection) that run queries
 * @param lateThreshold an event received more than this after it happened is marked late
 * @param requestRecordWait how long the record of a remote-authorization request may wait to be committed with
 *                      others: no one waits for it (the door's answer waits for the decision log), and committing
 *                      a rush of them one by one costs a commit each
 */
public record StoreSettings(int queueCapacity, long queueBytes, int maxBatch, int readers,
                            Duration lateThreshold, Duration requestRecordWait) {
    public static final Duration DEFAULT_REQUEST_RECORD_WAIT = Duration.ofMillis(100);
    public static final StoreSettings DEFAULTS = new StoreSettings(10_000, 500, 2, Duration.ofMinutes(1));

    public StoreSettings {
        if (queueCapacity < 1 || maxBatch < 1 || readers < 1) {
            throw new IllegalArgumentException("store sizes must be at least 1");
        }
        if (queueBytes < 0) {
            throw new IllegalArgumentException("the queue's bytes cannot be negative");
        }
        if (lateThreshold.isNegative()) {
            throw new IllegalArgumentException("the late threshold cannot be negative");
        }
        if (requestRecordWait.isNegative()) {
            throw new IllegalArgumentException("the request record's wait cannot be negative");
        }
    }

    /** Settings whose requests' records wait {@link #DEFAULT_REQUEST_RECORD_WAIT}. */
    public StoreSettings(int queueCapacity, long queueBytes, int maxBatch, int readers, Duration lateThreshold) {
        this(queueCapacity, queueBytes, maxBatch, readers, lateThreshold, DEFAULT_REQUEST_RECORD_WAIT);
    }

    /** Settings whose queue may hold an eighth of the heap in images. */
    public StoreSettings(int queueCapacity, int maxBatch, int readers, Duration lateThreshold) {
        this(queueCapacity, 0, maxBatch, readers, lateThreshold);
    }

    public StoreSettings withRequestRecordWait(Duration wait) {
        return new StoreSettings(queueCapacity, queueBytes, maxBatch, readers, lateThreshold, wait);
    }

    /** {@link #queueBytes}, with 0 resolved against this JVM's heap. */
    public long queueByteLimit() {
        return queueBytes > 0 ? queueBytes : Math.max(1, Runtime.getRuntime().maxMemory() / 8);
    }
}
