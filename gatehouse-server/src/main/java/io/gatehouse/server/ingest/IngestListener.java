package io.gatehouse.server.ingest;

import io.gatehouse.core.store.Channel;

/**
 * Told the outcome of every payload, on the thread that completed it (a Vert.x context or the store's writer);
 * implementations only record and never block. The device registry keeps its supervision with it.
 */
public interface IngestListener {
    /** The event is durable. {@code payloadSerial} is the serial the payload itself named, or {@code null}. */
    void stored(Ingestion ingestion, String payloadSerial);

    void rejected(Source source, Channel channel, Rejection rejection);

    /** Tells {@code first}, then {@code second}. */
    static IngestListener both(IngestListener first, IngestListener second) {
        return new IngestListener() {
            @Override
            public void stored(Ingestion ingestion, String payloadSerial) {
                first.stored(ingestion, payloadSerial);
                second.stored(ingestion, payloadSerial);
            }

            @Override
            public void rejected(Source source, Channel channel, Rejection rejection) {
                first.rejected(source, channel, rejection);
                second.rejected(source, channel, rejection);
            }
        };
    }

    IngestListener NONE = new IngestListener() {
        @Override
        public void stored(Ingestion ingestion, String payloadSerial) {
        }

        @Override
        public void rejected(Source source, Channel channel, Rejection rejection) {
        }
    };
}
