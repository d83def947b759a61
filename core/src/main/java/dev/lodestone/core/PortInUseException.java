package dev.lodestone.core;

/** A port Lodestone was told to listen on is taken by another program. */
public class PortInUseException extends IllegalStateException {
    public PortInUseException(int port, String forWhat) {
        super("port " + port + " for the " + forWhat + " is already in use");
    }
}
