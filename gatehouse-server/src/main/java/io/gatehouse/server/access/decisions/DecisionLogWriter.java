package io.gatehouse.server.access.decisions;

import io.gatehouse.core.policy.Decision;
import io.gatehouse.core.policy.authorize.DecisionLog;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.db.Database;
import io.gatehouse.server.db.KeptConnection;
import io.gatehouse.server.db.WalCheckpointer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes decisions to {@code access_decision} with group commit: {@link #append} only puts the decision in a
 * bounded queue; one thread takes what has gathered (up to {@value #BATCH} rows) and commits it in one
 * transaction, then completes each decision's stage. With durable answers ({@code ingest.auth-answer: durable})
 * the door waits for that stage, so concurrent requests share one commit and its fsync; with fast answers a crash
 * loses at most the decisions still queued. When the queue is full (the disk cannot keep up) new decisions fail at
 * once (counted as dropped) rather than slowing the doors.
 */
public final class DecisionLogWriter implements DecisionLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLogWriter.class);
    static final int BATCH = 500;
    private static final String INSERT = "INSERT INTO access_decision (id, decided_at, request_time, device_serial,"
            + " camera_id, door_id, person_id, person_name, pass, step, reason, rule_id, verify_code, tip, fail_mode,"
            + " elapsed_us, detail, notes, input) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private record Pending(Decision decision, CompletableFuture<Void> committed) {
    }

    private final Database database;
    private final BlockingQueue<Pending> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private final Timer commits;
    /** The writer thread's own connection, kept open: opening one per batch cost a durable answer its latency. */
    private final KeptConnection connection;
    /** Checkpoints the log's file, so that a door's answer never waits for a checkpoint inside its commit. */
    private final WalCheckpointer checkpointer;
    private volatile boolean running = true;

    public DecisionLogWriter(Database database, int capacity) {
        this(database, capacity, new SimpleMeterRegistry());
    }

    /** Times each batch commit ({@code gatehouse_access_decision_log_commit_seconds}): a durable answer waits for one. */
    public DecisionLogWriter(Database database, int capacity, MeterRegistry metrics) {
        this.database = database.decisionLog();
        this.connection = new KeptConnection(this.database, false, WalCheckpointer::detach);
        this.checkpointer = new WalCheckpointer(this.database, "gatehouse-decision-log-checkpoint", metrics,
                "decisions");
        this.commits = Timer.builder("gatehouse.access.decision_log.commit")
                .description("one batch of decisions: waiting for the database's write lock, inserting, committing")
                .publishPercentiles(0.5, 0.99, 0.999).register(metrics);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::drain, "gatehouse-decision-log");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public CompletionStage<Void> append(Decision decision) {
        Pending pending = new Pending(decision, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            dropped.incrementAndGet();
            pending.committed().completeExceptionally(new IllegalStateException("decision log queue full"));
        }
        return pending.committed();
    }

    public long dropped() {
        return dropped.get();
    }

    public long written() {
        return written.get();
    }

    public int queued() {
        return queue.size();
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                running = false;
            } finally {
                batch.clear();
            }
        }
        connection.discard();
    }

    private void commit(List<Pending> batch) {
        long start = System.nanoTime();
        try {
            Connection c = connection.get();
            database.inTurn(() -> {
                try (PreparedStatement s = c.prepareStatement(INSERT)) {
                    for (Pending p : batch) {
                        bind(s, p.decision());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
                return null;
            });
            commits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            written.addAndGet(batch.size());
            checkpointer.committed();
            batch.forEach(p -> p.committed().complete(null));
        } catch (SQLException | RuntimeException e) {
            LOG.error("could not write {} decisions to the log: {}", batch.size(), e.getMessage());
            dropped.addAndGet(batch.size());
            connection.discard();
            batch.forEach(p -> p.committed().completeExceptionally(e));
        }
    }

    private static void bind(PreparedStatement s, Decision d) throws SQLException {
        s.setString(1, d.id());
        s.setLong(2, d.decidedAt().toEpochMilli());
        if (d.input().requestTime() == null) {
            s.setNull(3, Types.INTEGER);
        } else {
            s.setLong(3, d.input().requestTime().toEpochMilli());
        }
        s.setString(4, d.input().deviceSerial());
        s.setString(5, d.input().cameraId());
        s.setString(6, d.doorId());
        s.setString(7, d.personId());
        s.setString(8, d.personName());
        s.setInt(9, d.pass() ? 1 : 0);
        s.setString(10, d.step().name());
        s.setString(11, d.reason().name());
        s.setString(12, d.ruleId());
        s.setObject(13, d.verifyCode() == null ? null : d.verifyCode().code());
        s.setString(14, d.tip());
        s.setInt(15, d.failMode() ? 1 : 0);
        s.setLong(16, TimeUnit.NANOSECONDS.toMicros(d.elapsedNanos()));
        s.setString(17, d.detail());
        s.setString(18, text(Json.standard().mapper().valueToTree(d.notes())));
        s.setString(19, text(DecisionJson.input(d.input())));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node) {
        return new String(Json.standard().write(node), StandardCharsets.UTF_8);
    }

    /** Stops taking decisions, commits what is queued, and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(10));
        checkpointer.close();
    }
}
