package io.gatehouse.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Image files under {@code DATA/blobs}, where hubs before the {@code image_bytes} table kept each image, named by
 * the SHA-256 of its bytes in 256 directories by the first two hex digits ({@code blobs/ab/abcd...}). Nothing new is
 * written here: an image row without bytes in the database is one of these files, read from here until retention
 * deletes its row and then its file. A data directory that never had the folder has nothing to do here.
 */
final class ImageFiles {
    private static final String TEMP_SUFFIX = ".tmp";
    /**
     * SQL: whether the image row {@code i} is one of these files: its bytes are neither in a segment nor in
     * {@code image_bytes}.
     */
    static final String KEPT_HERE =
            "i.log_segment IS NULL AND NOT EXISTS (SELECT 1 FROM image_bytes b WHERE b.id = i.id)";

    private final Path root;
    /** Bytes of the images kept as files, as their rows count them; retention adds them to the database's size. */
    private final AtomicLong bytes;

    private ImageFiles(Path root, long bytes) {
        this.root = root;
        this.bytes = new AtomicLong(bytes);
    }

    /** @param bytes the sizes of the image rows without bytes in the database */
    static ImageFiles open(Path dataDir, long bytes) {
        return new ImageFiles(dataDir.resolve("blobs"), bytes);
    }

    Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    long bytes() {
        return bytes.get();
    }

    /** Deletes the file of an image whose row (of {@code size} bytes, kept in its file) was deleted and committed. */
    void deleted(String sha256, long size) throws IOException {
        bytes.addAndGet(-size);
        Files.deleteIfExists(path(sha256));
    }

    /**
     * What a crash of an earlier hub could leave behind: temporary files, deleted here, and image files, returned
     * for the caller to delete those the database does not know (a file's name is its image's hash).
     */
    List<Path> sweep() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> images = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(file);
                } else if (name.length() == 64) {
                    images.add(file);
                }
            }
        }
        return images;
    }
}
