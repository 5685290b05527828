package io.gatehouse.server.store;

import io.gatehouse.core.event.EventImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes of stored images, appended to numbered segment files under {@code DATA/images}
 * ({@code 000000000001.images}, ...): a row of {@code images} keeps its image's segment, offset and size. The store's
 * writer appends a batch's new images with one write and syncs the segment once, before the commit of the rows that
 * point at them: an image is written once, where SQLite writes it twice (its write-ahead log, then the database file)
 * with about 24 system calls. A batch whose images weigh little keeps them in the database instead
 * ({@link Sizes#smallestBatch}). A segment is never rewritten: when no row points into it any more it is deleted,
 * and one whose few remaining images hold it has them copied to the current segment first ({@link Retention}). Bytes
 * past the end of the last image a row points at (a batch whose commit failed, or a crash between the write and the
 * commit) are never read and go with their segment.
 *
 * <p>Only the writer's thread appends, syncs and deletes; reader threads read with their own file handles.
 */
final class ImageLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImageLog.class);
    private static final String SUFFIX = ".images";
    private static final Pattern NAME = Pattern.compile("\\d{12}\\" + SUFFIX);

    /**
     * How large a segment grows before the next one is started, and the least a batch's images must weigh to go to a
     * segment rather than into the database.
     *
     * @param segment large enough that a new segment's directory entry is rare, small enough that retention frees
     *                space in useful steps
     * @param smallestBatch a batch's images in a segment cost a second fsync (the segment's, then the commit's),
     *                which one record at a time (a terminal replaying its cache) pays in full: 0.33 ms more per
     *                commit on the test machine. Below this weight they go into the database with the batch's one
     *                commit; above it a segment's one write beats SQLite's two calls per page, twice
     */
    record Sizes(long segment, long smallestBatch) {
        static final Sizes DEFAULTS = new Sizes(64L << 20, 64L << 10);
    }

    /** Where an image's bytes are. */
    record Location(long segment, long offset) {
    }

    /** A segment's length on disk, and the bytes of the images the committed rows place in it. */
    record Segment(long length, long live) {
    }

    private final Path dir;
    private final Sizes sizes;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private final List<ByteBuffer> pending = new ArrayList<>();
    private long current;
    /**
     * Bytes appended to the current segment for rows not yet committed, counted as live once they are. Always the
     * current segment's: a new one is started only when nothing is placed ({@link #next}).
     */
    private long placed;
    private FileChannel channel;
    /** Where the next image goes in the current segment (its length, plus what is pending). */
    private long end;

    private ImageLog(Path dir, Sizes sizes) {
        this.dir = dir;
        this.sizes = sizes;
    }

    /**
     * Opens the log in {@code DATA/images}, appending to its last segment.
     *
     * @param live the bytes of the images the database places in each segment
     */
    static ImageLog open(Path dataDir, Sizes sizes, Map<Long, Long> live) throws IOException {
        ImageLog log = new ImageLog(dataDir.resolve("images"), sizes);
        Files.createDirectories(log.dir);
        try (Stream<Path> files = Files.list(log.dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (NAME.matcher(name).matches()) {
                    long number = Long.parseLong(name.substring(0, 12));
                    log.segments.put(number, new Segment(Files.size(file), live.getOrDefault(number, 0L)));
                }
            }
        }
        long highest = log.segments.isEmpty() ? 0 : log.segments.lastKey();
        List<Long> missing = live.keySet().stream().filter(n -> !log.segments.containsKey(n)).sorted().toList();
        if (!missing.isEmpty()) {
            LOG.error("the database places images in segments {} of {}, which are missing: those images cannot be"
                    + " served until they are restored from the backup the database came from", missing, log.dir);
        }
        long newest = Math.max(highest, missing.isEmpty() ? 0 : missing.get(missing.size() - 1));
        if (newest > highest || log.segments.isEmpty()) {
            log.create(newest + 1); // never append where a missing segment's rows point
        } else {
            log.current = highest;
            log.channel = FileChannel.open(log.path(highest), StandardOpenOption.WRITE);
            log.end = log.channel.size();
        }
        return log;
    }

    Path path(long segment) {
        return dir.resolve(String.format("%012d%s", segment, SUFFIX));
    }

    /** Where an image appended now would go; starts a new segment if the current one is full and nothing is placed. */
    Location next() throws IOException {
        if (pending.isEmpty() && placed == 0 && end >= sizes.segment()) {
            channel.close();
            create(current + 1);
        }
        return new Location(current, end);
    }

    /** Whether a batch whose images weigh {@code bytes} should have them here ({@link Sizes#smallestBatch}). */
    boolean takes(long bytes) {
        return bytes >= sizes.smallestBatch();
    }

    /** Appends an image at {@link #next()}; it is written by {@link #sync()}. */
    void append(byte[] bytes) {
        pending.add(ByteBuffer.wrap(bytes));
        placed += bytes.length;
        end += bytes.length;
    }

    /** Writes what was appended, with one gathering write, and makes it durable. Call before committing the rows. */
    void sync() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        ByteBuffer[] buffers = pending.toArray(ByteBuffer[]::new);
        long start = end;
        for (ByteBuffer buffer : buffers) {
            start -= buffer.remaining();
        }
        channel.position(start);
        while (buffers[buffers.length - 1].hasRemaining()) {
            channel.write(buffers);
        }
        channel.force(false);
        pending.clear();
        segments.computeIfPresent(current, (n, s) -> new Segment(end, s.live()));
    }

    /** The rows of what was appended are committed: their images count as live. */
    void committed() {
        long bytes = placed;
        segments.computeIfPresent(current, (n, s) -> new Segment(s.length(), s.live() + bytes));
        placed = 0;
    }

    /** The rows of what was appended were not committed: forgets it. Its bytes, if written, are never read. */
    void discard() {
        pending.clear();
        placed = 0;
        try {
            end = channel.size();
            segments.computeIfPresent(current, (n, s) -> new Segment(end, s.live()));
        } catch (IOException e) {
            end = segments.get(current).length(); // the next sync fails again if the file is the problem
        }
    }

    /** An image's committed deletion: its bytes no longer hold their segment. */
    void released(long segment, long size) {
        segments.computeIfPresent(segment, (n, s) -> new Segment(s.length(), Math.max(0, s.live() - size)));
    }

    /** Every segment but the one being appended to, oldest first. */
    Map<Long, Segment> closedSegments() {
        return segments.headMap(current);
    }

    /** Deletes a segment no committed row points into. */
    void delete(long segment) throws IOException {
        if (segment == current) {
            throw new IllegalArgumentException("the segment being appended to cannot be deleted");
        }
        segments.remove(segment);
        Files.deleteIfExists(path(segment));
    }

    /** Bytes of all segments on disk. */
    long bytes() {
        return segments.values().stream().mapToLong(Segment::length).sum();
    }

    /** Bytes of the images the committed rows place in the segments. */
    long liveBytes() {
        return segments.values().stream().mapToLong(Segment::live).sum();
    }

    /**
     * Reads an image and checks it against its hash.
     *
     * @throws NoSuchFileException when its segment is gone: the image was deleted or moved since its row was read
     */
    byte[] read(long segment, long offset, int size, String sha256) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        try (FileChannel file = FileChannel.open(path(segment), StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (file.read(buffer, offset + buffer.position()) < 0) {
                    throw new EOFException("image " + sha256 + " ends past the end of " + path(segment));
                }
            }
        }
        byte[] bytes = buffer.array();
        if (!EventImage.sha256Hex(bytes).equals(sha256)) {
            throw new IOException("image " + sha256 + " is damaged in " + path(segment) + " at " + offset);
        }
        return bytes;
    }

    private void create(long segment) throws IOException {
        channel = FileChannel.open(path(segment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true); // the new name is durable before any committed row names it
        }
        current = segment;
        end = 0;
        segments.put(segment, new Segment(0, 0));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
