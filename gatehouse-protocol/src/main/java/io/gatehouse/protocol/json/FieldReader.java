package io.gatehouse.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of one JSON object the way a tolerant reader should: a number may arrive as a string and
 * an identifier as a number, {@code null} means absent, unknown fields are kept. Everything it cannot accept
 * becomes a {@link DecodeException} naming the field's full path. Notes about accepted oddities (an unknown
 * code, a kept unknown field) are collected in the shared {@link Notes}.
 */
public final class FieldReader {
    private final JsonNode node;
    private final String path;
    private final Notes notes;
    /** The field names this reader reads; {@code null} for all. */
    private final Set<String> visible;

    private FieldReader(JsonNode node, String path, Notes notes) {
        this(node, path, notes, null);
    }

    private FieldReader(JsonNode node, String path, Notes notes, Set<String> visible) {
        this.node = node;
        this.path = path;
        this.notes = notes;
        this.visible = visible;
    }

    /** A reader for the document root, which must be an object. */
    public static FieldReader root(JsonNode node, Notes notes) throws DecodeException {
        if (!node.isObject()) {
            throw new DecodeException("", "expected a JSON object, found " + describe(node));
        }
        return new FieldReader(node, "", notes);
    }

    public String path() {
        return path;
    }

    public Notes notes() {
        return notes;
    }

    public JsonNode node() {
        return node;
    }

    public boolean has(String name) {
        return value(name) != null;
    }

    /**
     * A view of the same object that sees only {@code names}: the others read as absent. A version's reader
     * uses it so that a field of another firmware version is kept as sent (see {@link #unknown(Set, Set, String)})
     * instead of being read into a component that version's writer would drop.
     */
    public FieldReader limitedTo(Set<String> names) {
        return new FieldReader(node, path, notes, names);
    }

    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode value(String name) {
        if (visible != null && !visible.contains(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private JsonNode required(String name) throws DecodeException {
        JsonNode value = value(name);
        if (value == null) {
            throw new DecodeException(pathOf(name), "required field is missing");
        }
        return value;
    }

    // ---- strings

    /** A string; a number is accepted and kept as its decimal text (identifiers change type between versions). */
    public String optString(String name) throws DecodeException {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        throw new DecodeException(pathOf(name), "expected a string, found " + describe(value));
    }

    public String string(String name) throws DecodeException {
        required(name);
        return optString(name);
    }

    // ---- numbers

    public Long optLong(String name) throws DecodeException {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        BigDecimal number = number(name, value);
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            // never toPlainString(): "1e999999999" would become a billion digits
            throw new DecodeException(pathOf(name), "expected a whole number, found " + describe(value(name)));
        }
    }

    public long longValue(String name) throws DecodeException {
        required(name);
        return optLong(name);
    }

    public Integer optInt(String name) throws DecodeException {
        Long value = optLong(name);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new DecodeException(pathOf(name), "expected a 32-bit whole number, found " + value);
        }
        return value.intValue();
    }

    public int intValue(String name) throws DecodeException {
        required(name);
        return optInt(name);
    }

    /** A finite decimal number; NaN and infinities are refused because no score or temperature can be one. */
    public Double optDouble(String name) throws DecodeException {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        double result = number(name, value).doubleValue();
        if (!Double.isFinite(result)) {
            throw new DecodeException(pathOf(name), "expected a finite number, found " + value);
        }
        return result;
    }

    public double doubleValue(String name) throws DecodeException {
        required(name);
        return optDouble(name);
    }

    private BigDecimal number(String name, JsonNode value) throws DecodeException {
        if (value.isNumber()) {
            if (value.isDouble() && !Double.isFinite(value.doubleValue())) {
                throw new DecodeException(pathOf(name), "expected a finite number, found " + value);
            }
            return value.decimalValue();
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            if (text.length() > 0 && text.length() <= 40) {
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
            }
            throw new DecodeException(pathOf(name), "expected a number, found the string " + abbreviate(value.textValue()));
        }
        throw new DecodeException(pathOf(name), "expected a number, found " + describe(value));
    }

    // ---- booleans

    /** A boolean; 0/1 and "true"/"false" are accepted because firmware mixes them. */
    public Boolean optBoolean(String name) throws DecodeException {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && (value.intValue() == 0 || value.intValue() == 1) && value.canConvertToInt()) {
            return value.intValue() == 1;
        }
        if (value.isTextual() && ("true".equalsIgnoreCase(value.textValue()) || "false".equalsIgnoreCase(value.textValue()))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw new DecodeException(pathOf(name), "expected true or false, found " + describe(value));
    }

    public boolean booleanValue(String name) throws DecodeException {
        required(name);
        return optBoolean(name);
    }

    // ---- structure

    /** A nested object, or {@code null} when absent. */
    public FieldReader optObject(String name) throws DecodeException {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw new DecodeException(pathOf(name), "expected an object, found " + describe(value));
        }
        return new FieldReader(value, pathOf(name), notes);
    }

    public FieldReader object(String name) throws DecodeException {
        required(name);
        return optObject(name);
    }

    /** Any JSON value kept as it is (free-form dictionaries such as the SE box's identity_info). */
    public JsonNode optRaw(String name) {
        return value(name);
    }

    @FunctionalInterface
    public interface ElementReader<T> {
        T read(FieldReader element) throws DecodeException;
    }

    /** An array of objects, each read by {@code reader}; {@code null} when absent. */
    public <T> List<T> optObjects(String name, ElementReader<T> reader) throws DecodeException {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw new DecodeException(pathOf(name), "expected an array, found " + describe(value));
        }
        List<T> result = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = pathOf(name) + "[" + i + "]";
            if (!element.isObject()) {
                throw new DecodeException(elementPath, "expected an object, found " + describe(element));
            }
            result.add(reader.read(new FieldReader(element, elementPath, notes)));
        }
        return List.copyOf(result);
    }

    /** An array of strings (numbers accepted as their text); {@code null} when absent. */
    public List<String> optStrings(String name) throws DecodeException {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw new DecodeException(pathOf(name), "expected an array, found " + describe(value));
        }
        List<String> result = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element.isTextual()) {
                result.add(element.textValue());
            } else if (element.isIntegralNumber()) {
                result.add(element.bigIntegerValue().toString());
            } else {
                throw new DecodeException(pathOf(name) + "[" + i + "]", "expected a string, found " + describe(element));
            }
        }
        return List.copyOf(result);
    }

    /**
     * The fields not named in {@code known}, in document order; each is noted, so that a firmware change
     * shows up in the decoder's report instead of vanishing.
     */
    public Map<String, JsonNode> unknown(Set<String> known) {
        return unknown(known, Set.of(), null);
    }

    /**
     * Like {@link #unknown(Set)}, for a message whose fields depend on the firmware version: a field in
     * {@code otherVersions} is documented, but not for {@code version}; it is kept as sent and noted as such.
     */
    public Map<String, JsonNode> unknown(Set<String> known, Set<String> otherVersions, String version) {
        Map<String, JsonNode> extra = null;
        for (var it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            String name = field.getKey();
            if (!known.contains(name)) {
                if (extra == null) {
                    extra = new LinkedHashMap<>();
                }
                extra.put(name, field.getValue());
                notes.add(pathOf(name) + (otherVersions.contains(name)
                        ? ": documented for other versions than " + version + ", kept as sent"
                        : ": unknown field kept"));
            }
        }
        return extra == null ? Map.of() : java.util.Collections.unmodifiableMap(extra);
    }

    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string " + abbreviate(value.textValue());
            case NUMBER -> "the number " + value;
            case BOOLEAN -> value.booleanValue() ? "true" : "false";
            case NULL -> "null";
            default -> value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static String abbreviate(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "...(" + text.length() + " characters)" : text;
        return '"' + shown + '"';
    }
}
