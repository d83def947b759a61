package dev.lodestone.core;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka (de)serializers over {@link Json}, one pair per record type. */
public final class JsonSerde {
    private JsonSerde() {}

    public static <T> Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : Json.toBytes(value);
    }

    public static <T> Deserializer<T> deserializer(Class<T> type) {
        return (topic, bytes) -> bytes == null ? null : Json.fromBytes(bytes, type);
    }
}
