package io.gatehouse.server.config;

/** A setting the hub cannot use; the message names the setting, where it came from and what is expected. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
