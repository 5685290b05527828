package io.gatehouse.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.DecodeLimits;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.protocol.json.Notes;
import io.gatehouse.protocol.sense.SenseDecoder;
import io.gatehouse.protocol.sophon.SophonDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The entry point of the protocol library: bytes in, a typed message out (and back). {@link #decode} detects
 * the dialect; {@link #decode(byte[], FieldReader.ElementReader)} reads a payload whose kind the channel already
 * tells (a push receiver only ever gets events). Both are bounded by {@link DecodeLimits} and throw only
 * {@link DecodeException}.
 */
public final class ProtocolCodec {
    private static final ProtocolCodec STANDARD = new ProtocolCodec(Json.standard());

    private final Json json;

    public ProtocolCodec(DecodeLimits limits) {
        this(new Json(limits));
    }

    private ProtocolCodec(Json json) {
        this.json = json;
    }

    public static ProtocolCodec standard() {
        return STANDARD;
    }

    public Json json() {
        return json;
    }

    public DecodeLimits limits() {
        return json.limits();
    }

    /** Parses {@code payload}, detects its dialect and reads it. */
    public Decoded decode(byte[] payload) throws DecodeException {
        return decode(parse(payload));
    }

    public Decoded decode(JsonNode tree) throws DecodeException {
        MessageKind kind = DialectDetector.detect(tree);
        Notes notes = new Notes();
        FieldReader root = FieldReader.root(tree, notes);
        DeviceMessage message = guard(() -> switch (kind) {
            case SOPHON_CONFIG, SOPHON_EVENT, SOPHON_DEVICE_LIST -> SophonDecoder.read(kind, root);
            case RECOGNITION -> tree.has("data") ? SenseDecoder.read(kind, root) : SenseDecoder.readRecord(root);
            default -> SenseDecoder.read(kind, root);
        });
        return new Decoded(message, notes.lines());
    }

    /** Parses {@code payload} and reads it with {@code reader}, for channels that carry one kind of message. */
    public <T> T decode(byte[] payload, FieldReader.ElementReader<T> reader) throws DecodeException {
        return decode(payload, reader, new Notes());
    }

    public <T> T decode(byte[] payload, FieldReader.ElementReader<T> reader, Notes notes) throws DecodeException {
        FieldReader root = FieldReader.root(parse(payload), notes);
        return guard(() -> reader.read(root));
    }

    /** The message in its documented shape, as UTF-8 JSON. */
    public byte[] encode(DeviceMessage message) {
        return json.write(message.toJson());
    }

    /**
     * Parses {@code payload} as JSON. A Python dict literal, as the SE box's document prints its configuration
     * ({@code {'need_face':True, ...}}), is refused like any other malformed JSON, with the reason spelled out:
     * devices speak JSON, and guessing at another syntax would accept payloads no device sends.
     */
    public JsonNode parse(byte[] payload) throws DecodeException {
        try {
            return json.parse(payload);
        } catch (DecodeException e) {
            if (looksLikePythonLiteral(payload)) {
                throw new DecodeException(e.path(), e.reason() + " (this looks like a Python dict literal, with"
                        + " single-quoted names or True/False/None; send JSON, as Python's json.dumps writes it)");
            }
            throw e;
        }
    }

    private interface Read<T> {
        T run() throws DecodeException;
    }

    /** A reader bug must not escape as anything but a decode error naming the payload as the cause. */
    private static <T> T guard(Read<T> read) throws DecodeException {
        try {
            return read.run();
        } catch (RuntimeException e) {
            throw new DecodeException("", "unreadable payload (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /** A single-quoted name, or a bare True/False/None where a value goes. */
    private static final Pattern PYTHON_LITERAL = Pattern.compile(
            "[{,]\\s*'[^'\\n]{0,200}'\\s*:|[:\\[,]\\s*(True|False|None)\\s*[,}\\]]");

    private static boolean looksLikePythonLiteral(byte[] payload) {
        // the first 64 KB tell; a larger payload is not a configuration
        String head = new String(payload, 0, Math.min(payload.length, 1 << 16), StandardCharsets.UTF_8);
        return head.stripLeading().startsWith("{") && PYTHON_LITERAL.matcher(head).find();
    }
}
