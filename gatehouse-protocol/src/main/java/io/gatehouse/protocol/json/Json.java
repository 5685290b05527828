package io.gatehouse.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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

/**
 * The one place that turns bytes into a JSON tree and back. Parsing is strict about what could hide an
 * attack or an ambiguity (duplicate keys, trailing garbage, NaN, excessive size and depth) and leaves
 * leniency about field types to {@link FieldReader}.
 */
public final class Json {
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

    public JsonNode parse(byte[] payload) throws DecodeException {
        if (payload.length > limits.maxDocumentBytes()) {
            throw new DecodeException("", "payload of " + payload.length + " bytes exceeds the limit of "
                    + limits.maxDocumentBytes() + " bytes");
        }
        try (JsonParser parser = mapper.createParser(payload)) {
            JsonNode tree = mapper.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new DecodeException("", "expected a JSON document, found nothing");
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw new DecodeException("", "payload exceeds a decoder limit: " + firstLine(e));
        } catch (JsonProcessingException e) {
            throw new DecodeException(pathOf(e), "malformed JSON: " + firstLine(e));
        } catch (IOException e) {
            throw new DecodeException("", "unreadable payload: " + firstLine(e));
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

    private static String pathOf(JsonProcessingException e) {
        var location = e.getLocation();
        return location == null ? "" : "(line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
