package io.gatehouse.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one place that turns bytes into a JSON tree and back. Parsing is strict about what could hide an
 * attack or an ambiguity (duplicate keys, trailing garbage, NaN, excessive size and depth) and leaves
 * leniency about field types to {@link FieldReader}.
 */
public final class Json {
    /** No documented field name is longer than 40 characters; a 50,000-character one is an attack. */
    private static final int MAX_NAME_CHARS = 1024;
    private final DecodeLimits limits;
    private final ObjectMapper mapper;

    public Json(DecodeLimits limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringChars())
                        .maxNumberLength(64)
                        .maxDocumentLength(limits.maxDocumentBytes())
                        .maxTokenCount(limits.maxTokens())
                        .maxNameLength(MAX_NAME_CHARS)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private static final Json DEFAULT = new Json(DecodeLimits.DEFAULT);

    public static Json standard() {
        return DEFAULT;
    }

    public DecodeLimits limits() {
        return limits;
    }

    /**
     * Parses one JSON document. A payload above {@link DecodeLimits#maxDocumentBytes()} is refused before a
     * byte of it is parsed; the other limits stop the parser where they are crossed. The error names the
     * path the parser had reached ({@code data.user.name}) and the line and column.
     */
    public JsonNode parse(byte[] payload) throws DecodeException {
        if (payload.length > limits.maxDocumentBytes()) {
            throw new DecodeException("", "payload of " + payload.length + " bytes exceeds the limit of "
                    + limits.maxDocumentBytes() + " bytes");
        }
        if (payload.length == 0) {
            throw new DecodeException("", "empty payload: expected a JSON document");
        }
        JsonParser parser = null;
        try {
            parser = mapper.createParser(payload);
            JsonNode tree = mapper.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new DecodeException("", "expected a JSON document, found only white space");
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw new DecodeException(pathOf(parser), "payload exceeds a decoder limit: " + firstLine(e));
        } catch (JsonProcessingException e) {
            throw new DecodeException(pathOf(parser), "malformed JSON" + at(e) + ": " + firstLine(e));
        } catch (IOException e) {
            throw new DecodeException(pathOf(parser), "unreadable payload: " + firstLine(e));
        } finally {
            closeQuietly(parser);
        }
    }

    public JsonNode parse(String payload) throws DecodeException {
        return parse(payload.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String writePretty(JsonNode node) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String at(JsonProcessingException e) {
        var location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The dotted path the parser had reached, {@code data.user.groups[1].name}; empty at the root. */
    static String pathOf(JsonParser parser) {
        if (parser == null) {
            return "";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                String name = c.getCurrentName();
                parts.push("." + (name.length() > 40 ? name.substring(0, 40) + "..." : name));
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // reading from a byte array: nothing to release
            }
        }
    }
}
