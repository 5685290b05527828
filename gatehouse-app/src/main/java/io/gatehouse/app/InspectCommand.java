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
            "Reads one device payload and prints, as JSON: the dialect it is written in (family, message, firmware"
                    + " version), notes on what the tolerant reader accepted (unknown fields kept, undocumented codes,"
                    + " milliseconds where seconds belong), and for events the normalized event Gatehouse would store."
                    + " Images are shown as kind, media type, size and SHA-256, never as bytes.",
            "",
            "What it reads: everything a SenseNebula Pass terminal or a Sophon SE box sends or is sent: record pushes"
                    + " and WebSocket events (any firmware from v0.0.1 to v1.3.0), alarms, remote-authorization requests"
                    + " and answers, /v1/device/functions and /v1/event/subscribe bodies, history queries and pages, login,"
                    + " door commands, {code,msg,data} answers; SE-box configurations and events (V5 and V6) and the"
                    + " camera list. The dialect is told from the fields, so no option says which it is.",
            "",
            "Why a payload is refused: the message names the field path (data.user.user_id) and what was expected"
                    + " there. A Python dict literal (single quotes, True/False), as the SE-box document prints its"
                    + " configuration, is refused: devices speak JSON. Payloads above 8 MB are refused unread; see"
                    + " docs/PROTOCOLS.md for every decoder limit.",
            "",
            "It works offline: nothing is sent to a device or stored.",
        },
        footer = {
            "",
            "Examples:",
            "  gatehouse inspect push-body.json              a record push saved by a receiver",
            "  curl -s ... | gatehouse inspect -             read standard input",
            "  gatehouse inspect --message config.json       also show the message re-written in its documented shape",
            "  gatehouse inspect --device SE-LOBBY sophon-event.json",
            "                                                SE-box events and alarms do not name their device",
            "",
            "Exit status: 0 decoded, 1 invalid or oversized payload, 2 usage error, 3 file not readable.",
        })
final class InspectCommand implements Callable<Integer> {
    static final int INVALID = 1;
    static final int UNREADABLE = 3;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The payload file, or - for standard input.")
    String file;

    @Option(names = "--device", paramLabel = "SERIAL",
            description = "Serial or id of the sending device, as the hub would know it from the channel. Alarms,"
                    + " SE-box events and v0.0.1 records do not name their device; without this option their"
                    + " source.deviceSerial and dedupeKey say 'unknown'.")
    String device;

    @Option(names = "--message", description = "For events, also print the decoded message re-written in the documented"
            + " shape of its version (configurations and answers are always printed so).")
    boolean showMessage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard input; tests give their own. */
    InputStream stdin = System.in;

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
        int limit = codec.limits().maxDocumentBytes();
        if (payload.length > limit) {
            spec.commandLine().getErr().println("inspect: invalid payload: " + ("-".equals(file) ? "standard input" : file)
                    + " holds more than the decoder's limit of " + limit + " bytes; refused unread");
            return INVALID;
        }
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
            return stdin.readNBytes(ProtocolCodec.standard().limits().maxDocumentBytes() + 1);
        }
        // never more than one byte past the limit, so a huge file costs no memory and the codec reports the limit
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return in.readNBytes(ProtocolCodec.standard().limits().maxDocumentBytes() + 1);
        }
    }
}
