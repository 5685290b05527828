package io.gatehouse.server.ingest.link;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.EventKind;
import io.gatehouse.core.store.Channel;
import io.gatehouse.server.db.Database;
import io.gatehouse.server.db.KeptConnection;
import io.gatehouse.server.ingest.IngestListener;
import io.gatehouse.server.ingest.Ingestion;
import io.gatehouse.server.ingest.Rejection;
import io.gatehouse.server.ingest.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links each remote-authorization decision to the passage record of the same walk-up: a terminal asks, opens the
 * door or not on the answer, then pushes (or streams) the record of what happened. For every passage stored from a
 * terminal that asks the hub (it sent a request or a heartbeat in the last hour), the nearest unlinked decision of
 * the same device serial and person whose request time is within the tolerance of the record's time gets the
 * record's dedupe key in {@code access_decision.passage_key}.
 *
 * <p>The decision log is written a few milliseconds after the answer, and the record usually arrives before that; so
 * linking runs on its own thread a moment later and tries again a few times while no decision matches. A record of
 * the same walk-up arriving twice (push and WebSocket) links once.
 */
public final class PassageLinker implements IngestListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PassageLinker.class);
    private static final long ASKERS_FORGOTTEN_AFTER_MILLIS = TimeUnit.HOURS.toMillis(1);
    private static final long[] ATTEMPTS_AFTER_MILLIS = {300, 1_000, 3_000, 10_000};
    private static final String LINK = "UPDATE access_decision SET passage_key = ? WHERE seq = (SELECT seq FROM"
            + " access_decision WHERE device_serial = ? AND person_id = ? AND passage_key IS NULL"
            + " AND request_time BETWEEN ? AND ? ORDER BY abs(request_time - ?), seq LIMIT 1)"
            + " AND NOT EXISTS (SELECT 1 FROM access_decision WHERE passage_key = ?)";

    private final Database database;
    private final long toleranceMillis;
    private final Map<String, Long> askers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread;
    private final KeptConnection connection;

    public PassageLinker(Database database, Duration tolerance) {
        this.database = database.decisionLog();
        this.connection = new KeptConnection(this.database, true);
        this.toleranceMillis = tolerance.toMillis();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "gatehouse-passage-link");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
    }

    /** The terminal with this serial asks the hub before it opens the door (a request or a heartbeat). */
    public void asked(String serial) {
        if (serial != null) {
            askers.put(serial, System.currentTimeMillis());
        }
    }

    @Override
    public void stored(Ingestion ingestion, String payloadSerial) {
        if (!(ingestion.event() instanceof AccessEvent e) || e.kind() != EventKind.PASSAGE || e.person().id() == null) {
            return;
        }
        Long asked = askers.get(e.source().deviceSerial());
        if (asked == null || System.currentTimeMillis() - asked > ASKERS_FORGOTTEN_AFTER_MILLIS) {
            return;
        }
        Passage passage = new Passage(e.source().deviceSerial(), e.person().id(), e.occurredAt(), e.dedupeKey());
        schedule(passage, 0);
    }

    @Override
    public void rejected(Source source, Channel channel, Rejection rejection) {
    }

    private record Passage(String serial, String personId, Instant at, String dedupeKey) {
    }

    private void schedule(Passage passage, int attempt) {
        if (thread.isShutdown()) {
            return;
        }
        thread.schedule(() -> {
            try {
                if (!link(passage) && attempt + 1 < ATTEMPTS_AFTER_MILLIS.length) {
                    schedule(passage, attempt + 1);
                }
            } catch (SQLException e) {
                LOG.warn("could not link passage {} to its decision: {}", passage.dedupeKey(), e.getMessage());
                connection.discard();
            }
        }, ATTEMPTS_AFTER_MILLIS[attempt], TimeUnit.MILLISECONDS);
    }

    /** True when the passage is linked now (or already was). */
    private boolean link(Passage p) throws SQLException {
        Connection c = connection.get();
        long at = p.at().toEpochMilli();
        try (PreparedStatement s = c.prepareStatement(LINK)) {
            s.setString(1, p.dedupeKey());
            s.setString(2, p.serial());
            s.setString(3, p.personId());
            s.setLong(4, at - toleranceMillis);
            s.setLong(5, at + toleranceMillis);
            s.setLong(6, at);
            s.setString(7, p.dedupeKey());
            if (database.inTurn(s::executeUpdate) == 1) {
                return true;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM access_decision WHERE passage_key = ?")) {
            s.setString(1, p.dedupeKey());
            return s.executeQuery().next();
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        if (thread.awaitTermination(10, TimeUnit.SECONDS)) {
            connection.discard();
        }
    }
}
