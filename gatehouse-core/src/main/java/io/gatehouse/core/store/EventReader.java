package io.gatehouse.core.store;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The read side of the event store: queries, single events, images, and a signal for each commit so that
 * live streams and forwarders can follow the store without missing or repeating an event. Every method
 * returns at once; the work runs on the store's reader threads, never on the caller's (an event loop) and
 * never on the writer's. Completions run on a reader thread: hop back to your own context before touching
 * its state.
 */
public interface EventReader {

    CompletionStage<EventPage> find(EventFilter filter, PageRequest page);

    /** One event with its forensic payload. */
    CompletionStage<Optional<StoredEvent>> event(long seq);

    /** An image by its SHA-256 (lower-case hex). */
    CompletionStage<Optional<StoredImage>> image(String sha256);

    /**
     * Calls {@code onCommit} on the writer thread after each commit that stored new events, with the highest
     * sequence number now stored. It must only schedule work (never block). To follow the store without a gap,
     * subscribe first, then read {@code find(filter, PageRequest.after(last, n))} until {@code more} is false,
     * and read again after each signal: sequence numbers are assigned in commit order, so every read sees all
     * events up to the newest it sees.
     *
     * @return closing it stops the calls
     */
    AutoCloseable watch(CommitListener onCommit);

    /** Receives the commit signal of {@link #watch}. */
    @FunctionalInterface
    interface CommitListener {
        void committed(long lastSeq);
    }
}
