package io.gatehouse.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * Image files under {@code DATA/blobs}, named by the SHA-256 of their bytes and spread over 256 directories by
 * the first two hex digits ({@code blobs/ab/abcd...}), so the same photo sent with a thousand events is one file.
 *
 * <p>A file appears only complete: bytes go to a temporary file in the same directory, which is fsynced, atomically
 * renamed, and made durable by fsyncing the directory, all before the event that references it is queued for its
 * commit. The preparer threads do this in parallel, so the file system's journal commits their syncs together.
 *
 * <p>An image this process has already made durable is remembered ({@link #durable}), so the same photo sent again
 * costs no fsync at all: a directory fsync is not free when the journal is busy (0.2 ms median, 3 ms at the 90th
 * percentile on a shared disk), and a terminal replaying its cache waits for each record's answer before it sends
 * the next, so every such sync is paid in full, once per record.
 *
 * <p>Pins protect an image from the moment an event finds (or writes) its file until that event's commit: deletion
 * ({@link #delete}) skips pinned images and holds new pins off until its files are gone, so an event never commits
 * a reference to a file that was deleted after the event found it present.
 */
final class BlobStore {
    private static final String TEMP_SUFFIX = ".tmp";
    /** Bounds the memory of {@link #durable}: a few MiB; forgetting only costs a sync. */
    private static final int DURABLE_REMEMBERED = 65_536;

    private final Path root;
    private final ConcurrentHashMap<String, Integer> pins = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    /** Images whose file and directory entry this process has synced, and not deleted since. */
    private final Set<String> durable = ConcurrentHashMap.newKeySet();

    private BlobStore(Path root) {
        this.root = root;
    }

    static BlobStore open(Path dataDir) throws IOException {
        Path root = dataDir.resolve("blobs");
        boolean created = !Files.isDirectory(root);
        Files.createDirectories(root);
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < 256; i++) {
            Files.createDirectories(root.resolve(hex.toHexDigits((byte) i)));
        }
        if (created) {
            syncDirectory(root);
            syncDirectory(dataDir);
        }
        return new BlobStore(root);
    }

    Path path(String sha256) {
        return directory(sha256).resolve(sha256);
    }

    Path directory(String sha256) {
        return root.resolve(sha256.substring(0, 2));
    }

    void pin(String sha256) {
        gate.readLock().lock();
        try {
            pins.merge(sha256, 1, Integer::sum);
        } finally {
            gate.readLock().unlock();
        }
    }

    void unpin(String sha256) {
        pins.computeIfPresent(sha256, (key, count) -> count == 1 ? null : count - 1);
    }

    /**
     * Makes sure the image's file exists durably, writing it when absent. The caller has pinned it.
     *
     * @return whether it wrote the file (false: it was there already)
     */
    boolean ensure(BlobImage image) throws IOException {
        if (durable.contains(image.sha256())) {
            return false; // pinned, so deletion cannot have taken it since it was synced
        }
        Path target = path(image.sha256());
        if (Files.exists(target)) {
            // another thread may have renamed it an instant ago and not yet synced the directory: sync it too
            syncDirectory(target.getParent());
            remember(image.sha256());
            return false;
        }
        Path temp = target.resolveSibling("." + image.sha256() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(image.bytes());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
        remember(image.sha256());
        return true;
    }

    /** Whether every one of {@code images} (pinned by the caller) is known durable: {@link #ensure} has nothing to do. */
    boolean allDurable(List<BlobImage> images) {
        for (BlobImage image : images) {
            if (!durable.contains(image.sha256())) {
                return false;
            }
        }
        return true;
    }

    private void remember(String sha256) {
        if (durable.size() >= DURABLE_REMEMBERED) {
            durable.clear(); // crude but bounded; the next sight of each image syncs once more
        }
        durable.add(sha256);
    }

    /** Deletes database rows for a set of images and says which it deleted; runs with new pins held off. */
    @FunctionalInterface
    interface RowDeletion {
        List<String> deleteRows(List<String> unpinned) throws Exception;
    }

    /**
     * Deletes the images among {@code candidates} that are not pinned and whose rows {@code rows} deletes (and
     * commits): rows first, files after, so a crash in between leaves only an orphan file for {@link #sweep}.
     *
     * @return the images deleted
     */
    List<String> delete(Collection<String> candidates, RowDeletion rows) throws Exception {
        gate.writeLock().lock();
        try {
            List<String> unpinned = candidates.stream().filter(hash -> !pins.containsKey(hash)).toList();
            List<String> deleted = unpinned.isEmpty() ? List.of() : rows.deleteRows(unpinned);
            for (String hash : deleted) {
                durable.remove(hash);
                Files.deleteIfExists(path(hash));
            }
            return deleted;
        } finally {
            gate.writeLock().unlock();
        }
    }

    /**
     * What a crash can leave behind: temporary files, and image files older than {@code minAge}. The caller deletes
     * those the database does not know with {@link #delete}; temporary files are deleted here.
     *
     * @return the hashes of image files older than {@code minAge}
     */
    List<String> sweep(Duration minAge) throws IOException {
        Instant cutoff = Instant.now().minus(minAge);
        List<String> old = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!olderThan(file, cutoff)) {
                    continue;
                }
                String name = file.getFileName().toString();
                if (name.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(file);
                } else if (name.length() == 64) {
                    old.add(name);
                }
            }
        }
        return old;
    }

    private static boolean olderThan(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false; // gone meanwhile, or unreadable: leave it
        }
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
