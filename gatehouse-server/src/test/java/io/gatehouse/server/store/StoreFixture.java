package io.gatehouse.server.store;

import io.gatehouse.core.event.EventImage;
import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.EventFilter;
import io.gatehouse.core.store.EventPage;
import io.gatehouse.core.store.Ingested;
import io.gatehouse.core.store.PageRequest;
import io.gatehouse.core.store.StoredEvent;
import io.gatehouse.server.db.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A real store in a temporary data directory, with blocking shortcuts for tests. */
final class StoreFixture implements AutoCloseable {
    final Path dataDir;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final EventStorage storage;

    StoreFixture(Path dataDir) throws Exception {
        this(dataDir, StoreSettings.DEFAULTS, RetentionSettings.DEFAULTS);
    }

    StoreFixture(Path dataDir, StoreSettings settings, RetentionSettings retention) throws Exception {
        this(dataDir, settings, retention, ImageLog.Sizes.DEFAULTS);
    }

    StoreFixture(Path dataDir, StoreSettings settings, RetentionSettings retention, ImageLog.Sizes images)
            throws Exception {
        this.dataDir = dataDir;
        this.storage = EventStorage.open(Database.open(dataDir), dataDir, settings, retention, metrics, images);
    }

    /**
     * Keeps the writer busy until {@code release} completes, and returns once it is: a test that fills the queue
     * behind it must not race the writer taking the first records out.
     */
    CompletableFuture<Object> busyWriter(CompletableFuture<Void> release) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture<Object> busy = storage.writer().call(c -> {
            started.complete(null);
            return release.get();
        });
        started.get(30, TimeUnit.SECONDS);
        return busy;
    }

    AppendResult append(Ingested event) throws Exception {
        return storage.store().append(event).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    EventPage page(EventFilter filter, PageRequest request) throws Exception {
        return storage.reader().find(filter, request).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Every event matching {@code filter}, oldest first, read page by page. */
    List<StoredEvent> all(EventFilter filter) throws Exception {
        List<StoredEvent> events = new ArrayList<>();
        EventPage page = page(filter, PageRequest.after(0, 100));
        events.addAll(page.events());
        while (page.more()) {
            page = page(filter, PageRequest.after(page.resume(), 100));
            events.addAll(page.events());
        }
        return events;
    }

    /** The number a counting query gives, read on one of the store's readers. */
    long count(String sql) throws Exception {
        return ((SqliteEventReader) storage.reader()).onReader(c -> {
            try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The stored bytes of {@code image}, found by its hash; fails if the store does not have it. */
    byte[] image(byte[] image) throws Exception {
        return storage.reader().image(EventImage.sha256Hex(image)).toCompletableFuture()
                .get(30, TimeUnit.SECONDS).orElseThrow().bytes();
    }

    StoredEvent event(long seq) throws Exception {
        return storage.reader().event(seq).toCompletableFuture().get(30, TimeUnit.SECONDS).orElseThrow();
    }

    @Override
    public void close() throws Exception {
        storage.close();
    }
}
