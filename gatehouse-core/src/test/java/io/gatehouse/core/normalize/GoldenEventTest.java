package io.gatehouse.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.event.EventJson;
import io.gatehouse.protocol.Decoded;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.Samples;
import io.gatehouse.protocol.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Given each sample of the protocol reference (the protocol module's test jar), Gatehouse makes exactly the
 * event pinned in {@code golden/<sample>}: dialect, notes and the normalized event as {@link EventJson}
 * renders it, or for messages that report no event, the message in its documented shape. Each golden file
 * was checked by hand against the documents; docs/EVENT-MODEL.md explains every mapping.
 *
 * <p>After a deliberate change, regenerate with {@code -Dgatehouse.golden.update=true} and review the diff.
 */
class GoldenEventTest {
    private static final Path GOLDEN = Path.of(System.getProperty("basedir", "."), "src/test/resources/golden");

    static Stream<String> samples() {
        return Samples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void normalizesEachSampleToItsGoldenEvent(String sample) throws Exception {
        String actual = Json.standard().writePretty(report(Samples.bytes(sample))) + "\n";
        Path golden = GOLDEN.resolve(sample);

        if (Boolean.getBoolean("gatehouse.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(golden)).as("golden file %s (create it with -Dgatehouse.golden.update=true)", golden).isTrue();
        assertThat(actual).isEqualTo(read(golden));
    }

    static ObjectNode report(byte[] payload) throws Exception {
        ProtocolCodec codec = ProtocolCodec.standard();
        JsonNode tree = codec.parse(payload);
        Decoded decoded = codec.decode(tree);
        ObjectNode report = Json.object();
        Dialect dialect = decoded.dialect();
        report.put("dialect", dialect.toString());
        decoded.notes().forEach(report.putArray("notes")::add);
        if (EventNormalizer.reportsEvent(decoded.message())) {
            report.set("event", EventJson.render(EventNormalizer.standard().normalize(decoded.message(), tree, Origin.UNKNOWN)));
        } else {
            report.set("message", decoded.message().toJson());
        }
        return report;
    }

    private static String read(Path golden) throws IOException {
        return Files.readString(golden, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
