package dev.lodestone.app;

/** Configuration Lodestone cannot run with; the message is shown to the user as is. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
