package dev.lodestone.core;

/** The Kafka cluster could not be reached or refused an administrative request. */
public class KafkaUnavailableException extends RuntimeException {
    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
