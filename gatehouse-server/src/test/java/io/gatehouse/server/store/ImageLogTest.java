package io.gatehouse.server.store;

import static io.gatehouse.server.DevicePayloads.jpeg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.core.event.EventImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment files that hold the images' bytes: what a row points at is there, whole, after anything. */
class ImageLogTest {
    @TempDir
    Path data;

    private final byte[] first = jpeg(3_000, 1);
    private final byte[] second = jpeg(5_000, 2);

    @Test
    void aBatchIsWrittenInOneSegmentAndReadBackAfterItsCommit() throws Exception {
        try (ImageLog log = ImageLog.open(data, new ImageLog.Sizes(1 << 20, 0), Map.of())) {
            ImageLog.Location a = place(log, first);
            ImageLog.Location b = place(log, second);
            log.sync();
            log.committed();

            assertThat(a).isEqualTo(new ImageLog.Location(1, 0));
            assertThat(b).isEqualTo(new ImageLog.Location(1, 3_000));
            assertThat(read(log, b, second)).isEqualTo(second);
            assertThat(log.path(1)).hasSize(8_000);
            assertThat(log.liveBytes()).isEqualTo(8_000);
        }
    }

    @Test
    void bytesOfABatchThatWasNotCommittedAreNeverPointedAtAgain() throws Exception {
        ImageLog.Location after;
        try (ImageLog log = ImageLog.open(data, new ImageLog.Sizes(1 << 20, 0), Map.of())) {
            place(log, first);
            log.sync(); // written, then the rows' commit failed
            log.discard();
            after = place(log, second);
            log.sync();
            log.committed();
            assertThat(after.offset()).as("after the bytes already written").isEqualTo(3_000);
            assertThat(log.liveBytes()).isEqualTo(5_000);
        }
        // a crash may leave a torn write at the end: the next start appends after whatever is there
        Files.write(data.resolve("images").resolve("000000000001.images"), new byte[] {1, 2, 3},
                StandardOpenOption.APPEND);
        try (ImageLog log = ImageLog.open(data, new ImageLog.Sizes(1 << 20, 0), Map.of(1L, 5_000L))) {
            assertThat(read(log, after, second)).isEqualTo(second);
            assertThat(log.next()).isEqualTo(new ImageLog.Location(1, 8_003));
        }
    }

    @Test
    void aFullSegmentIsClosedAtTheNextBatchAndOnlyClosedOnesCanBeDeleted() throws Exception {
        try (ImageLog log = ImageLog.open(data, new ImageLog.Sizes(6_000, 0), Map.of())) {
            place(log, first);
            place(log, second); // a batch stays in one segment, even past the size
            log.sync();
            log.committed();
            ImageLog.Location next = place(log, first);
            log.sync();
            log.committed();

            assertThat(next).isEqualTo(new ImageLog.Location(2, 0));
            assertThat(log.closedSegments()).containsOnlyKeys(1L);
            assertThat(log.closedSegments().get(1L)).isEqualTo(new ImageLog.Segment(8_000, 8_000));
            assertThatThrownBy(() -> log.delete(2)).isInstanceOf(IllegalArgumentException.class);

            log.released(1, 8_000);
            log.delete(1);
            assertThat(log.path(1)).doesNotExist();
            assertThat(log.bytes()).isEqualTo(3_000);
            assertThatThrownBy(() -> log.read(1, 0, 3_000, EventImage.sha256Hex(first)))
                    .isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void aDamagedImageIsReportedNotServed() throws Exception {
        ImageLog.Location at;
        try (ImageLog log = ImageLog.open(data, new ImageLog.Sizes(1 << 20, 0), Map.of())) {
            at = place(log, first);
            log.sync();
            log.committed();
        }
        Path segment = data.resolve("images").resolve("000000000001.images");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[1_000] ^= 1;
        Files.write(segment, bytes);
        try (ImageLog log = ImageLog.open(data, new ImageLog.Sizes(1 << 20, 0), Map.of(1L, 3_000L))) {
            assertThatThrownBy(() -> read(log, at, first))
                    .isInstanceOf(IOException.class).hasMessageContaining("damaged");
            assertThatThrownBy(() -> log.read(1, 2_000, 3_000, EventImage.sha256Hex(first)))
                    .isInstanceOf(IOException.class).hasMessageContaining("past the end");
        }
    }

    @Test
    void aSegmentTheDatabaseNamesButTheDiskLacksIsNeverAppendedTo() throws Exception {
        try (ImageLog log = ImageLog.open(data, new ImageLog.Sizes(1 << 20, 0), Map.of(1L, 100L, 7L, 3_000L))) {
            assertThat(log.next()).isEqualTo(new ImageLog.Location(8, 0));
            assertThatThrownBy(() -> log.read(7, 0, 3_000, EventImage.sha256Hex(first)))
                    .isInstanceOf(NoSuchFileException.class);
        }
    }

    private static ImageLog.Location place(ImageLog log, byte[] image) throws IOException {
        ImageLog.Location at = log.next();
        log.append(image);
        return at;
    }

    private static byte[] read(ImageLog log, ImageLog.Location at, byte[] image) throws IOException {
        return log.read(at.segment(), at.offset(), image.length, EventImage.sha256Hex(image));
    }
}
