package io.gatehouse.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies the sources of settings in their order of precedence: each setting's default, then the YAML file, then
 * the environment ({@code GATEHOUSE_...}), then the command line; a later source wins. An unknown key in the file
 * or on the command line is an error (a typo must not silently leave a default in force); unknown environment
 * variables are ignored, since {@code GATEHOUSE_} is a shared prefix.
 */
public final class ConfigSources {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, Setting> catalog = new LinkedHashMap<>();

    public ConfigSources(List<Setting> settings) {
        settings.forEach(s -> catalog.put(s.key(), s));
    }

    /**
     * @param file  the YAML file, or {@code null} for none
     * @param env   the environment
     * @param flags settings given on the command line, by key, with the flag that gave each
     */
    public Settings resolve(Path file, Map<String, String> env, Map<String, Flag> flags) throws ConfigException {
        Map<String, Settings.Value> values = new LinkedHashMap<>();
        for (Setting setting : catalog.values()) {
            if (setting.defaultValue() != null) {
                values.put(setting.key(), new Settings.Value(setting.defaultValue(), "default"));
            }
        }
        if (file != null) {
            readFile(file, values);
        }
        for (Setting setting : catalog.values()) {
            String value = env.get(setting.environmentVariable());
            if (value != null && !value.isBlank()) {
                values.put(setting.key(), new Settings.Value(value, "environment " + setting.environmentVariable()));
            }
        }
        for (Map.Entry<String, Flag> flag : flags.entrySet()) {
            Setting setting = known(flag.getKey(), "flag " + flag.getValue().name());
            if (setting.secret()) {
                throw new ConfigException(setting.key() + " is secret and cannot be given on the command line (other"
                        + " users can read the process list); use " + setting.environmentVariable() + " or the file");
            }
            values.put(setting.key(), new Settings.Value(flag.getValue().value(), "flag " + flag.getValue().name()));
        }
        return new Settings(catalog, values);
    }

    /** A command-line value and the flag it was given with ({@code --port}, {@code --set store.readers}). */
    public record Flag(String name, String value) {
    }

    private void readFile(Path file, Map<String, Settings.Value> values) throws ConfigException {
        JsonNode tree;
        try {
            tree = YAML.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist");
        } catch (JacksonException e) {
            throw new ConfigException("configuration file " + file + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return; // an empty file sets nothing
        }
        if (!tree.isObject()) {
            throw new ConfigException("configuration file " + file + " must be a YAML mapping of settings");
        }
        flatten(tree, "", file, values);
    }

    private void flatten(JsonNode node, String prefix, Path file, Map<String, Settings.Value> values)
            throws ConfigException {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(value, key + ".", file, values);
            } else if (value.isNull()) {
                known(key, "file " + file); // "key:" with nothing after it leaves the default
            } else if (value.isValueNode()) {
                known(key, "file " + file);
                values.put(key, new Settings.Value(value.asText(), "file " + file));
            } else {
                throw new ConfigException(key + " (in " + file + "): expected a single value, found a list");
            }
        }
    }

    private Setting known(String key, String source) throws ConfigException {
        Setting setting = catalog.get(key);
        if (setting == null) {
            throw new ConfigException("unknown setting '" + key + "' (from " + source + "); known settings: "
                    + String.join(", ", new TreeSet<>(catalog.keySet())));
        }
        return setting;
    }
}
