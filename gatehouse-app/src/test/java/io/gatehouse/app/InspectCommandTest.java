package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int inspect(String... args) {
        CommandLine cli = Gatehouse.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "inspect";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
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

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.at("/dialect/family").asText()).isEqualTo("sense");
        assertThat(report.at("/dialect/version").asText()).isEqualTo("v1.3.0");
        assertThat(report.at("/event/occurredAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(report.at("/event/person/name").asText()).isEqualTo("王五");
        assertThat(report.at("/event/outcome/verification/mode").asText()).isEqualTo("FACE_OR_CARD_OR_QR_OR_PIN");
        assertThat(report.at("/event/images/0/mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(report.at("/event/images/0/size").asInt()).isEqualTo(13);
        assertThat(out.toString()).doesNotContain("/9j/4AAQ");
    }

    @Test
    void namesTheFieldPathOfAnInvalidPayloadAndExitsWithOne() throws Exception {
        Path bad = file("{\"type\":0,\"data\":{\"deviceSN\":\"X\",\"timestamp\":1767225600,\"user\":{\"user_id\":{}}}}");

        assertThat(inspect(bad.toString())).isEqualTo(InspectCommand.INVALID);

        assertThat(err.toString()).contains("data.user.user_id").contains("expected a string, found an object");
    }

    @Test
    void explainsAPythonLiteralConfiguration() throws Exception {
        Path python = file("{'need_face':True, 'need_register':True, 'event_list':['04f98265']}");

        assertThat(inspect(python.toString())).isEqualTo(InspectCommand.INVALID);

        assertThat(err.toString()).contains("Python dict literal");
    }

    @Test
    void reportsAMissingFile() {
        assertThat(inspect(dir.resolve("nope.json").toString())).isEqualTo(InspectCommand.UNREADABLE);
        assertThat(err.toString()).contains("no such file");
    }
}
