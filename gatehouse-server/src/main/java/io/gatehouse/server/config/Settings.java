package io.gatehouse.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every setting's value after the sources were applied in order (defaults, YAML file, environment, flags), with
 * the source that gave it, and typed accessors whose errors name the setting and its source.
 */
public final class Settings {
    /** A value and where it came from ({@code default}, {@code file gatehouse.yaml}, {@code environment GATEHOUSE_PORT}...). */
    public record Value(String raw, String source) {
    }

    private final Map<String, Setting> catalog;
    private final Map<String, Value> values;

    Settings(Map<String, Setting> catalog, Map<String, Value> values) {
        this.catalog = catalog;
        this.values = new LinkedHashMap<>(values);
    }

    /** Every setting with its value, in catalog order; {@code null} value for unset ones. */
    public Map<Setting, Value> effective() {
        Map<Setting, Value> effective = new LinkedHashMap<>();
        catalog.values().forEach(setting -> effective.put(setting, values.get(setting.key())));
        return Collections.unmodifiableMap(effective);
    }

    public String text(String key) {
        Value value = value(key);
        return value == null ? null : value.raw();
    }

    /** Where the value of {@code key} came from; {@code null} when it is not set. */
    public String source(String key) {
        Value value = value(key);
        return value == null ? null : value.source();
    }

    public int integer(String key, int min, int max) throws ConfigException {
        Value value = value(key);
        try {
            int number = Integer.parseInt(value.raw().strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, value, "a whole number from " + min + " to " + max);
    }

    public Path path(String key) throws ConfigException {
        Value value = value(key);
        try {
            return Path.of(value.raw());
        } catch (InvalidPathException e) {
            throw invalid(key, value, "a file system path");
        }
    }

    public Duration duration(String key) throws ConfigException {
        Value value = value(key);
        Duration duration = Quantities.duration(value.raw());
        if (duration == null) {
            throw invalid(key, value, "a duration such as 90d, 12h, 30m, 45s, 500ms or 0");
        }
        return duration;
    }

    public long bytes(String key) throws ConfigException {
        Value value = value(key);
        Long bytes = Quantities.bytes(value.raw());
        if (bytes == null) {
            throw invalid(key, value, "a size such as 50GB, 500MiB, 1048576 or 0");
        }
        return bytes;
    }

    private Value value(String key) {
        if (!catalog.containsKey(key)) {
            throw new IllegalArgumentException("no setting " + key + " in the catalog");
        }
        return values.get(key);
    }

    private ConfigException invalid(String key, Value value, String expected) {
        String shown = catalog.get(key).secret() ? "(secret)" : "'" + value.raw() + "'";
        return new ConfigException(key + " (from " + value.source() + "): expected " + expected + ", got " + shown);
    }
}
