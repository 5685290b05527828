package io.gatehouse.server.store;

import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.EventReader.CommitListener;
import io.gatehouse.core.store.Ingested;
import io.gatehouse.server.db.Database;
import io.gatehouse.server.db.WalCheckpointer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one writer: a thread that owns the only writing connection, drains the queue of prepared events
 * and commits them in batches (group commit: whatever arrived while the previous commit was syncing goes into the
 * next one, and records no one waits for wait a moment for more, see {@link #gather}); the bytes of the images new
 * to the store are appended to the {@link ImageLog} and synced with one fsync before the batch's rows, which point
 * at them, are committed with another: two fsyncs make a whole batch durable, images and all. The log is checkpointed
 * by a {@link WalCheckpointer}, not inside these commits. Between batches it runs maintenance tasks (retention
 * steps, readiness probes), each small, so appends never wait long behind them.
 */
final class EventWriter {
    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

    /** A task for the writer's connection; it runs between batches and commits its own work. */
    @FunctionalInterface
    interface Task<T> {
        T run(Connection connection) throws Exception;
    }

    /** @param queuedNanos when it was queued ({@link System#nanoTime()}) */
    record Pending(PreparedEvent event, CompletableFuture<AppendResult> result, long queuedNanos) {
        Pending(PreparedEvent event, CompletableFuture<AppendResult> result) {
            this(event, result, System.nanoTime());
        }
    }

    private record Chore<T>(Task<T> task, CompletableFuture<T> result) {
    }

    /** Wakes the writer for a chore; never committed. */
    private static final Pending WAKE = new Pending(null, null);

    private final Connection connection;
    private final BatchInsert insert;
    private final ImageLog images;
    private final StoreMetrics metrics;
    private final int maxBatch;
    /** How long a batch of requests' records may wait for more ({@link StoreSettings#requestRecordWait()}). */
    private final long gatherNanos;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Chore<?>> chores = new LinkedBlockingQueue<>();
    private final CopyOnWriteArrayList<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong blobBytes;
    private final Thread thread;
    private final Database database;
    private final WalCheckpointer checkpointer;
    private volatile boolean stopping;
    private volatile String lastFailure;

    EventWriter(Database database, Connection connection, ImageLog images, StoreMetrics metrics, int maxBatch,
                Duration gather, long blobBytes) throws SQLException {
        this.database = database;
        this.connection = connection;
        this.connection.setAutoCommit(false);
        WalCheckpointer.detach(connection);
        this.checkpointer = new WalCheckpointer(database, "gatehouse-store-checkpoint", metrics.registry(), "events");
        this.images = images;
        this.insert = new BatchInsert(connection, images);
        this.metrics = metrics;
        this.maxBatch = maxBatch;
        this.gatherNanos = gather.toNanos();
        this.blobBytes = new AtomicLong(blobBytes);
        this.thread = new Thread(this::run, "gatehouse-store-writer");
    }

    void start() {
        thread.start();
    }

    void submit(Pending pending) {
        queue.add(pending);
    }

    /** Runs {@code task} on the writer's connection between two batches. */
    <T> CompletableFuture<T> call(Task<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (stopping) {
            result.completeExceptionally(new IllegalStateException("the store is closed"));
            return result;
        }
        chores.add(new Chore<>(task, result));
        queue.add(WAKE);
        return result;
    }

    AutoCloseable watch(CommitListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Bytes of all stored images, as their rows count them. */
    long blobBytes() {
        return blobBytes.get();
    }

    void blobsDeleted(long bytes) {
        blobBytes.addAndGet(-bytes);
    }

    boolean alive() {
        return thread.isAlive() && !stopping;
    }

    /** Why the last commit failed, while no commit has succeeded since; {@code null} when the last one did. */
    String lastFailure() {
        return lastFailure;
    }

    /** Commits what is queued, then stops the thread and closes the connection. */
    void stop() throws InterruptedException {
        stopping = true;
        queue.add(WAKE);
        thread.join();
        checkpointer.close();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        try {
            while (!stopping || !queue.isEmpty()) {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    if (gatherNanos > 0 && nobodyWaits(batch)) {
                        gather(batch, first.queuedNanos());
                    }
                    batch.removeIf(p -> p == WAKE);
                    if (!batch.isEmpty()) {
                        commit(batch);
                    }
                    batch.clear();
                }
                Chore<?> chore = chores.poll();
                if (chore != null) {
                    runChore(chore);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("the store writer stopped on an unexpected error; appends will fail until restart", e);
            lastFailure = "writer stopped: " + e;
        } finally {
            closeConnection();
        }
    }

    /**
     * Whether no one waits for {@code event}'s commit: the record of a remote-authorization request, whose door's
     * answer waits for the decision log, not for this record, and which no device sends again. The queue lets such
     * records yield room ({@link SqliteEventStore}), and the writer lets them wait for company: at 800 requests/s
     * it committed them 1.3 at a time, 600 commits a second, each with its fsync on the disk the decision log may
     * share.
     */
    static boolean nobodyWaitsFor(Ingested event) {
        return event.channel() == Channel.REMOTE_AUTH;
    }

    /** Whether no one waits for this batch's commit: it holds only records {@link #nobodyWaitsFor}. */
    private static boolean nobodyWaits(List<Pending> pending) {
        for (Pending p : pending) {
            if (p == WAKE || !nobodyWaitsFor(p.event().ingested())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lets such a batch take in what arrives until {@code gatherNanos} after its first record was queued. Anything
     * else that arrives (a record someone waits for, a chore, the stop) ends the wait and is committed with it.
     */
    private void gather(List<Pending> batch, long since) throws InterruptedException {
        long deadline = since + gatherNanos;
        while (batch.size() < maxBatch) {
            long left = deadline - System.nanoTime();
            Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            int from = batch.size();
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
            if (!nobodyWaits(batch.subList(from, batch.size()))) {
                return;
            }
        }
    }

    private void commit(List<Pending> batch) {
        long start = System.nanoTime();
        List<PreparedEvent> events = new ArrayList<>(batch.size());
        batch.forEach(p -> events.add(p.event()));
        List<AppendResult> results = new ArrayList<>(batch.size());
        BatchInsert.AddedImages added;
        try {
            long now = System.currentTimeMillis();
            added = database.inTurn(() -> {
                BatchInsert.AddedImages newImages = insert.images(events, now);
                results.addAll(insert.events(events));
                images.sync(); // the bytes are durable before any committed row points at them
                connection.commit();
                return newImages;
            });
        } catch (Exception e) {
            rollback();
            fail(batch, e);
            return;
        }
        images.committed();
        lastFailure = null;
        checkpointer.committed();
        blobBytes.addAndGet(added.bytes());
        metrics.blobsWritten.increment(added.images());
        if (added.toSegment()) {
            metrics.blobsToSegments.increment(added.images());
        }
        metrics.blobBytesWritten.increment(added.bytes());
        metrics.blobsReused.increment(added.of() - added.images());
        metrics.commit.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        metrics.batchSize.record(batch.size());
        long last = -1;
        for (int i = 0; i < batch.size(); i++) {
            AppendResult result = results.get(i);
            countStored(batch.get(i).event(), result);
            if (!result.duplicate()) {
                last = Math.max(last, result.seq());
            }
            batch.get(i).result().complete(result);
        }
        if (last >= 0) {
            notifyListeners(last);
        }
    }

    private void countStored(PreparedEvent event, AppendResult result) {
        String device = event.ingested().deviceId();
        if (result.duplicate()) {
            metrics.duplicate(device, event.ingested().channel());
            return;
        }
        metrics.stored(device, event.ingested().channel(), event.type());
        if (result.lateBy() != null) {
            metrics.late(device, event.ingested().channel());
        }
    }

    private void notifyListeners(long last) {
        for (CommitListener listener : listeners) {
            try {
                listener.committed(last);
            } catch (RuntimeException e) {
                LOG.warn("a commit listener failed", e);
            }
        }
    }

    private void fail(List<Pending> batch, Exception cause) {
        metrics.failedCommits.increment();
        lastFailure = "commit failed: " + cause.getMessage();
        LOG.error("could not commit {} events; their senders will retry", batch.size(), cause);
        StoreException failure = new StoreException("the event could not be stored: " + cause.getMessage(), cause);
        batch.forEach(p -> p.result().completeExceptionally(failure));
    }

    private <T> void runChore(Chore<T> chore) {
        try {
            T value = database.inTurn(() -> {
                T done = chore.task().run(connection);
                images.sync();
                connection.commit(); // ends a read-only task's snapshot too, so checkpoints can proceed
                images.committed();
                return done;
            });
            checkpointer.committed();
            chore.result().complete(value);
        } catch (Exception e) {
            rollback();
            chore.result().completeExceptionally(e);
        }
    }

    private void rollback() {
        images.discard();
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed", e);
        }
    }

    private void closeConnection() {
        stopping = true;
        Chore<?> chore;
        while ((chore = chores.poll()) != null) {
            chore.result().completeExceptionally(new IllegalStateException("the store is closed"));
        }
        Pending pending;
        while ((pending = queue.poll()) != null) {
            if (pending != WAKE) {
                pending.result().completeExceptionally(new StoreException("the store is closed", null));
            }
        }
        try {
            insert.close();
            connection.close();
            images.close();
        } catch (SQLException | IOException e) {
            LOG.warn("closing the writer's connection failed", e);
        }
    }
}
