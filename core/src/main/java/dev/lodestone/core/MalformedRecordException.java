package dev.lodestone.core;

/** A topic held bytes that do not decode to the record type expected there. */
public class MalformedRecordException extends RuntimeException {
    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
