package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;

    private final CommandRun run = new CommandRun();

    private byte[] stdin = new byte[0];

    private int inspect(String... args) {
        return run.execute("inspect", command -> ((InspectCommand) command).stdin = new ByteArrayInputStream(stdin), args);
    }

    private Path file(String content) throws Exception {
        Path file = dir.resolve("payload.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void printsTheDialectAndTheNormalizedEventOfARecognitionPush() throws Exception {
        Path push = file("""
                {"type":0,"data":{"deviceSN":"PSC700C0MC22F02542","recognitionType":1,"entry_mode":1,
                 "abnormal_type":0,"uuid":"4d3987c1-a3b3-470b-9fb7-e114772c069c","recognizeScore":0.93,"mask":0,
                 "mode":3,"rgb_image":"/9j/4AAQSkZJRgABAQ==","bodyTemperature":0.0,"pass":true,"timestamp":1767225600,
                 "user":{"name":"王五","user_id":"5","type":1,"ic_number":"12345","groups":[{"id":"3","name":"研发"}]}}}
                """);

        assertThat(inspect(push.toString())).isZero();

        JsonNode report = new ObjectMapper().readTree(run.out.toString());
        assertThat(report.at("/dialect/family").asText()).isEqualTo("sense");
        assertThat(report.at("/dialect/version").asText()).isEqualTo("v1.3.0");
        assertThat(report.at("/event/occurredAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(report.at("/event/person/name").asText()).isEqualTo("王五");
        assertThat(report.at("/event/outcome/verification/mode").asText()).isEqualTo("FACE_OR_CARD_OR_QR_OR_PIN");
        assertThat(report.at("/event/images/0/mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(report.at("/event/images/0/size").asInt()).isEqualTo(13);
        assertThat(run.out.toString()).doesNotContain("/9j/4AAQ");
    }

    @Test
    void namesTheFieldPathOfAnInvalidPayloadAndExitsWithOne() throws Exception {
        Path bad = file("{\"type\":0,\"data\":{\"deviceSN\":\"X\",\"timestamp\":1767225600,\"user\":{\"user_id\":{}}}}");

        assertThat(inspect(bad.toString())).isEqualTo(InspectCommand.INVALID);

        assertThat(run.err.toString()).contains("data.user.user_id").contains("expected a string, found an object");
    }

    @Test
    void explainsAPythonLiteralConfiguration() throws Exception {
        Path python = file("{'need_face':True, 'need_register':True, 'event_list':['04f98265']}");

        assertThat(inspect(python.toString())).isEqualTo(InspectCommand.INVALID);

        assertThat(run.err.toString()).contains("Python dict literal");
    }

    @Test
    void reportsAMissingFile() {
        assertThat(inspect(dir.resolve("nope.json").toString())).isEqualTo(InspectCommand.UNREADABLE);
        assertThat(run.err.toString()).contains("no such file");
    }

    @Test
    void readsStandardInputGivenADash() throws Exception {
        stdin = """
                {"event_id":"8c1f","timestamp":1767225606020,"identity_id":"100000","identity_name":"小王",
                 "user_type":"employee","score":82.05,"media_device_id":"04f98265-1fad-47e5-9dda-66e191272055"}
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(inspect("--device", "SE-LOBBY", "-")).isZero();

        JsonNode report = new ObjectMapper().readTree(run.out.toString());
        assertThat(report.at("/dialect/message").asText()).isEqualTo("SE-box recognition event");
        assertThat(report.at("/event/source/deviceSerial").asText()).isEqualTo("SE-LOBBY");
        assertThat(report.at("/event/scores/recognition").asDouble()).isEqualTo(0.8205);
        assertThat(report.at("/event/dedupeKey").asText()).isEqualTo("sophon/SE-LOBBY/04f98265-1fad-47e5-9dda-66e191272055/8c1f");
    }

    @Test
    void printsAConfigurationInItsDocumentedShape() throws Exception {
        stdin = "{\"need_face\":\"true\",\"event_list\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThat(inspect("-")).isZero();

        JsonNode report = new ObjectMapper().readTree(run.out.toString());
        assertThat(report.at("/dialect/version").asText()).isEqualTo("V5");
        assertThat(report.at("/message/need_face").isBoolean()).isTrue();
        assertThat(report.has("event")).isFalse();
    }

    @Test
    void refusesAnOversizedFileUnreadAndAnEmptyStandardInput() throws Exception {
        Path big = dir.resolve("big.json");
        try (var outFile = Files.newOutputStream(big)) {
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 9; i++) {
                outFile.write(block);
            }
        }

        assertThat(inspect(big.toString())).isEqualTo(InspectCommand.INVALID);
        assertThat(run.err.toString()).contains("holds more than the decoder's limit of 8388608 bytes; refused unread");

        run.err.getBuffer().setLength(0);
        assertThat(inspect("-")).isEqualTo(InspectCommand.INVALID);
        assertThat(run.err.toString()).contains("inspect: invalid payload: empty payload");
    }

    @Test
    void helpAnswersWhatItReadsWhyItRefusesAndWhatTheExitCodesMean() {
        assertThat(inspect("--help")).isZero();

        // picocli wraps lines at 80 columns
        assertThat(run.out.toString().replaceAll("\\s+", " "))
                .contains("FILE|-", "--device", "--message", "any firmware from v0.0.1", "V5 and V6", "field path",
                        "Python dict literal", "8 MB", "offline", "Exit status: 0 decoded, 1 invalid or oversized payload");
    }
}
