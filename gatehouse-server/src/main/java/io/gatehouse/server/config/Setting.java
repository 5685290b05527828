package io.gatehouse.server.config;

import java.util.Locale;

/**
 * One setting of the hub: its key (dotted, kebab-case: {@code store.queue-capacity}), which is also its path in the
 * YAML file, its environment variable ({@code GATEHOUSE_STORE_QUEUE_CAPACITY}) and its {@code --set} name.
 *
 * @param defaultValue the value when no source gives one, as an operator would write it; {@code null} for none
 * @param secret       never printed, and refused on the command line (other users can read it in the process list)
 */
public record Setting(String key, String defaultValue, String description, boolean secret) {

    public static Setting of(String key, String defaultValue, String description) {
        return new Setting(key, defaultValue, description, false);
    }

    public static Setting secret(String key, String description) {
        return new Setting(key, null, description, true);
    }

    public String environmentVariable() {
        return "GATEHOUSE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
