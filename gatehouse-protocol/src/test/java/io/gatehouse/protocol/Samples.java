package io.gatehouse.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hand-checked payloads of the protocol reference, copied into this module's test resources so a
 * checkout tests alone; {@code SamplesCopyTest} checks the copy against {@code ../shared} when it is there.
 */
public final class Samples {
    private Samples() {
    }

    public static Path dir() {
        try {
            return Path.of(Samples.class.getResource("/samples").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every sample, by its path relative to the samples folder ({@code tolerant/...} included). */
    public static List<String> all() {
        try (Stream<Path> files = Files.walk(dir())) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> dir().relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
