package io.gatehouse.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The samples in this module's test resources are a copy of {@code ../shared/protocols/samples}, the
 * reference the project owners keep. When that folder is there (the {@code gatehouse.shared.dir} system
 * property, set by the build, or /work/shared), the copy must be byte-identical and complete; a checkout
 * without it skips this test.
 */
class SamplesCopyTest {

    static Path sharedSamples() {
        String configured = System.getProperty("gatehouse.shared.dir");
        for (String dir : new String[] {configured, "/work/shared"}) {
            if (dir != null && Files.isDirectory(Path.of(dir, "protocols", "samples"))) {
                return Path.of(dir, "protocols", "samples");
            }
        }
        return null;
    }

    @Test
    void theCopiedSamplesAreByteIdenticalToTheReference() throws IOException {
        Path shared = sharedSamples();
        Assumptions.assumeTrue(shared != null, "no ../shared/protocols/samples beside this checkout");

        try (Stream<Path> files = Files.walk(shared)) {
            var reference = files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> shared.relativize(p).toString().replace('\\', '/')).sorted().toList();
            assertThat(Samples.all()).containsExactlyElementsOf(reference);
            for (String name : reference) {
                assertThat(Samples.bytes(name)).as(name).isEqualTo(Files.readAllBytes(shared.resolve(name)));
            }
        }
    }
}
