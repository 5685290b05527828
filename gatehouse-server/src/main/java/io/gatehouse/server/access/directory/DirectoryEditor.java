package io.gatehouse.server.access.directory;

import io.gatehouse.core.policy.answer.TipCatalog;
import io.gatehouse.core.policy.authorize.CurrentDirectory;
import io.gatehouse.core.policy.directory.AccessRule;
import io.gatehouse.core.policy.directory.Directory;
import io.gatehouse.core.policy.directory.DirectoryEntry;
import io.gatehouse.core.policy.directory.DirectoryPerson;
import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.core.policy.directory.KindNames;
import io.gatehouse.core.policy.directory.Problem;
import io.gatehouse.server.api.ApiRefusal;
import io.gatehouse.server.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change to the directory goes through here, one at a time on one thread: check it against the current
 * snapshot, commit it to the database, then publish the new snapshot. Decisions keep reading the old snapshot
 * until the swap, so they never wait for a write; the API answers a write only after the swap, so the next
 * request sees it.
 */
public final class DirectoryEditor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryEditor.class);

    private final Database database;
    private final CurrentDirectory current;
    private final DirectoryTables tables = new DirectoryTables();
    private final int screenLength;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "gatehouse-directory");
        t.setDaemon(true);
        return t;
    });

    public DirectoryEditor(Database database, CurrentDirectory current, int screenLength) {
        this.database = database;
        this.current = current;
        this.screenLength = screenLength;
    }

    /**
     * Loads the directory from the database and publishes it; retries every second while the database refuses
     * (locked, busy), so that decisions wait — within their budget — instead of running on an empty directory.
     */
    public CompletableFuture<Directory> load() {
        return CompletableFuture.supplyAsync(() -> {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = database.connect()) {
                    Directory loaded = tables.load(c, screenLength);
                    current.publish(loaded);
                    LOG.info("access directory loaded: {} people, {} doors, {} rules", loaded.count(DirectoryPerson.class),
                            loaded.count(Door.class), loaded.count(AccessRule.class));
                    return loaded;
                } catch (SQLException e) {
                    LOG.warn("cannot load the access directory (attempt {}): {}", attempt, e.getMessage());
                    sleepASecond();
                } catch (RuntimeException e) {
                    // a stored entry that no longer reads: retrying cannot help, and doors get their fail-mode
                    LOG.error("the access directory cannot be loaded; every request gets its fail-mode", e);
                    throw e;
                }
            }
        }, thread);
    }

    /** Adds or replaces {@code entry}; completes with {@code true} when it was new. */
    public CompletableFuture<Boolean> put(DirectoryEntry entry) {
        return CompletableFuture.supplyAsync(() -> {
            Directory directory = loaded();
            refuseProblems(directory.problemsOf(entry));
            boolean created = directory.get(entry.getClass(), entry.id()) == null;
            inTransaction(c -> tables.upsert(c, entry));
            current.publish(directory.with(entry));
            return created;
        }, thread);
    }

    public CompletableFuture<Void> delete(Class<? extends DirectoryEntry> kind, String id) {
        return CompletableFuture.runAsync(() -> {
            Directory directory = loaded();
            if (directory.get(kind, id) == null) {
                throw new ApiRefusal(404, "id", "no " + KindNames.singular(kind) + " with id \"" + id + "\"");
            }
            List<String> referrers = directory.referencesTo(kind, id);
            if (!referrers.isEmpty()) {
                throw new ApiRefusal(409, "id", "still named by " + String.join(", ", referrers.subList(0,
                        Math.min(5, referrers.size()))) + (referrers.size() > 5 ? " and " + (referrers.size() - 5) + " more" : ""));
            }
            inTransaction(c -> tables.delete(c, kind, id));
            current.publish(directory.without(kind, id));
        }, thread);
    }

    /** Replaces the operator's tip overrides. */
    public CompletableFuture<Void> replaceTips(Map<String, Map<String, String>> overrides) {
        return CompletableFuture.runAsync(() -> {
            Directory directory = loaded();
            inTransaction(c -> tables.replaceTips(c, overrides));
            current.publish(directory.withTips(new TipCatalog(overrides, screenLength)));
        }, thread);
    }

    /**
     * Applies every valid row and reports the others. Rows are checked kind by kind in {@link Codecs#ALL} order,
     * each against the directory with the earlier kinds of the same import applied, so a file may add a group and
     * the people in it together. All accepted rows commit in one transaction.
     */
    public CompletableFuture<ImportReport> importRows(List<ImportRow> rows, boolean dryRun) {
        return CompletableFuture.supplyAsync(() -> {
            Directory working = loaded();
            List<ImportReport.Rejected> rejected = new ArrayList<>();
            List<DirectoryEntry> accepted = new ArrayList<>();
            for (EntityCodec<?> codec : Codecs.ALL) {
                List<DirectoryEntry> ofKind = new ArrayList<>();
                BatchKeys keys = new BatchKeys();
                for (ImportRow row : rows) {
                    if (!row.kind().equals(KindNames.plural(codec.kind()))) {
                        continue;
                    }
                    Problem problem = row.problem() != null ? row.problem() : keys.clash(row);
                    if (problem == null) {
                        List<Problem> problems = working.problemsOf(row.entry());
                        problem = problems.isEmpty() ? null : problems.get(0);
                    }
                    if (problem != null) {
                        rejected.add(new ImportReport.Rejected(row.kind(), row.row(), problem.field(), problem.reason()));
                    } else {
                        ofKind.add(row.entry());
                    }
                }
                working = working.withAll(ofKind);
                accepted.addAll(ofKind);
            }
            rejected.sort((a, b) -> a.kind().equals(b.kind()) ? Integer.compare(a.row(), b.row()) : a.kind().compareTo(b.kind()));
            if (!dryRun && !accepted.isEmpty()) {
                inTransaction(c -> {
                    for (DirectoryEntry entry : accepted) {
                        tables.upsert(c, entry);
                    }
                });
                current.publish(working);
            }
            return new ImportReport(accepted.size(), rejected, dryRun);
        }, thread);
    }

    /** Keys that must be unique within one import: ids, a door's device, a person's cards. */
    private static final class BatchKeys {
        private final Map<String, Integer> rowOfKey = new HashMap<>();

        Problem clash(ImportRow row) {
            DirectoryEntry entry = row.entry();
            Problem problem = claim("id", "id " + entry.id(), row.row());
            if (problem == null && entry instanceof Door door) {
                problem = claim(door.cameraId() == null ? "deviceSerial" : "cameraId", "device " + door.deviceKey(), row.row());
            }
            if (problem == null && entry instanceof DirectoryPerson person) {
                for (int i = 0; i < person.cards().size() && problem == null; i++) {
                    problem = claim("cards[" + i + "]", "card " + person.cards().get(i), row.row());
                }
            }
            return problem;
        }

        private Problem claim(String field, String key, int row) {
            Integer earlier = rowOfKey.putIfAbsent(key, row);
            return earlier == null ? null : new Problem(field, "same " + key.substring(0, key.indexOf(' '))
                    + " as row " + earlier + " of this import");
        }
    }

    /** The first load of the directory has not finished; writes and reads of the API wait for it. */
    public static ApiRefusal stillLoading() {
        return new ApiRefusal(503, "", "the directory is still loading; try again in a moment");
    }

    private Directory loaded() {
        Directory directory = current.lastKnown();
        if (directory == null) {
            throw stillLoading();
        }
        return directory;
    }

    private static void refuseProblems(List<Problem> problems) {
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            throw new ApiRefusal(first.conflict() ? 409 : 400, first.field(), first.reason());
        }
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            database.inTurn(() -> {
                try {
                    work.run(c);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("the directory database refused the change: " + e.getMessage(), e);
        }
    }

    private static void sleepASecond() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the directory", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
