package io.gatehouse.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.core.event.EventImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blob store skips the fsyncs for an image it has already made durable, and must not keep believing that once
 * the image is deleted: the next event with that photo writes the file again.
 */
class BlobStoreTest {
    @TempDir
    Path data;

    private static BlobImage image(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new BlobImage(EventImage.sha256Hex(bytes), "image/jpeg", bytes, BlobImage.UNCLASSIFIED);
    }

    @Test
    void anImageWrittenOnceIsKnownDurableAndADeletedOneIsWrittenAgain() throws Exception {
        BlobStore blobs = BlobStore.open(data);
        BlobImage face = image("a face");
        blobs.pin(face.sha256());

        assertThat(blobs.allDurable(List.of(face))).as("never seen").isFalse();
        assertThat(blobs.ensure(face)).as("written").isTrue();
        assertThat(blobs.allDurable(List.of(face))).isTrue();
        assertThat(blobs.ensure(face)).as("already there").isFalse();

        blobs.unpin(face.sha256());
        assertThat(blobs.delete(List.of(face.sha256()), unpinned -> unpinned)).containsExactly(face.sha256());
        assertThat(blobs.path(face.sha256())).doesNotExist();
        assertThat(blobs.allDurable(List.of(face))).as("forgotten with its file").isFalse();

        blobs.pin(face.sha256());
        assertThat(blobs.ensure(face)).as("written again").isTrue();
        assertThat(Files.readString(blobs.path(face.sha256()))).isEqualTo("a face");
    }

    @Test
    void aFileFoundOnDiskIsSyncedOnceAndThenKnown() throws Exception {
        BlobImage face = image("found at start");
        BlobStore first = BlobStore.open(data);
        first.pin(face.sha256());
        first.ensure(face);

        BlobStore reopened = BlobStore.open(data);
        reopened.pin(face.sha256());
        assertThat(reopened.allDurable(List.of(face))).as("a new process knows nothing yet").isFalse();
        assertThat(reopened.ensure(face)).as("present: not written").isFalse();
        assertThat(reopened.allDurable(List.of(face))).isTrue();
    }
}
