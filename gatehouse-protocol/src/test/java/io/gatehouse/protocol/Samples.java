package io.gatehouse.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hand-checked payloads of the protocol reference, copied into this module's test resources so a
 * checkout tests alone; {@code SamplesCopyTest} checks the copy against {@code ../shared} when it is there.
 * Published in this module's test jar, so that gatehouse-core's golden tests read the same files; there
 * they live inside a jar, which {@link #all()} lists through a zip file system.
 */
public final class Samples {
    private Samples() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every sample, by its path relative to the samples folder ({@code tolerant/...} included). */
    public static List<String> all() {
        URI uri = location();
        if (!"jar".equals(uri.getScheme())) {
            return list(Path.of(uri));
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            return list(jar.getPath("/samples"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI location() {
        try {
            return Samples.class.getResource("/samples").toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
