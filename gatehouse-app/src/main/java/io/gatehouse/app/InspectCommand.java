package io.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.event.EventJson;
import io.gatehouse.core.normalize.EventNormalizer;
import io.gatehouse.core.normalize.Origin;
import io.gatehouse.protocol.Decoded;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse inspect}: what is this payload, and what event does Gatehouse make of it? */
@Command(
        name = "inspect",
        header = "Show the dialect of a device payload and the event Gatehouse makes of it.",
        mixinStandardHelpOptions = true,
        description = {
            "Reads one device payload (a push body, a WebSocket message, a configuration, an answer) and prints"
                    + " the dialect it is written in and, for events, the normalized event as JSON. Images are shown"
                    + " as kind, media type, size and SHA-256.",
            "",
            "Use it to check what a device really sends, or why Gatehouse refuses it: on an invalid payload it"
                    + " names the field path and what was expected there, and exits with status 1.",
        },
        footer = {
            "",
            "Examples:",
            "  gatehouse inspect push-body.json",
            "  curl -s ... | gatehouse inspect -",
            "  gatehouse inspect --device SE-LOBBY sophon-event.json   (SE-box events carry no box id)",
            "",
            "Exit status: 0 decoded, 1 invalid payload, 2 usage error, 3 file not readable.",
        })
final class InspectCommand implements Callable<Integer> {
    static final int INVALID = 1;
    static final int UNREADABLE = 3;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The payload file, or - for standard input.")
    String file;

    @Option(names = "--device", paramLabel = "SERIAL",
            description = "Serial or id of the sending device, for payloads that do not name it (alarms, SE-box events).")
    String device;

    @Option(names = "--message", description = "Also print the decoded message re-encoded in its documented shape.")
    boolean showMessage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        byte[] payload;
        try {
            payload = read();
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("inspect: no such file: " + file);
            return UNREADABLE;
        } catch (IOException e) {
            spec.commandLine().getErr().println("inspect: cannot read " + file + ": " + e.getMessage());
            return UNREADABLE;
        }
        ProtocolCodec codec = ProtocolCodec.standard();
        try {
            JsonNode tree = codec.parse(payload);
            Decoded decoded = codec.decode(tree);
            ObjectNode report = report(decoded);
            if (EventNormalizer.reportsEvent(decoded.message())) {
                report.set("event", EventJson.render(EventNormalizer.standard()
                        .normalize(decoded.message(), tree, new Origin(device, null))));
            }
            if (showMessage || !EventNormalizer.reportsEvent(decoded.message())) {
                report.set("message", decoded.message().toJson());
            }
            spec.commandLine().getOut().println(codec.json().writePretty(report));
            return 0;
        } catch (DecodeException e) {
            spec.commandLine().getErr().println("inspect: invalid payload: " + e.getMessage());
            return INVALID;
        }
    }

    private static ObjectNode report(Decoded decoded) {
        Dialect dialect = decoded.dialect();
        ObjectNode report = Json.object();
        ObjectNode node = report.putObject("dialect");
        node.put("family", dialect.family().label());
        node.put("message", dialect.kind().description());
        node.put("version", dialect.version());
        ArrayNode notes = report.putArray("notes");
        decoded.notes().forEach(notes::add);
        return report;
    }

    private byte[] read() throws IOException {
        if ("-".equals(file)) {
            return System.in.readNBytes(ProtocolCodec.standard().limits().maxDocumentBytes() + 1);
        }
        // never more than one byte past the limit, so a huge file costs no memory and the codec reports the limit
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return in.readNBytes(ProtocolCodec.standard().limits().maxDocumentBytes() + 1);
        }
    }
}
