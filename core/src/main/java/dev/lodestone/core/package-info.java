/**
 * What the Lodestone services share: the records that travel on Kafka topics, their JSON codec, the topic
 * names, the Kafka client settings and the embedded single-node broker.
 *
 * <p>Every record is keyed by its article id, the SHA-256 of the article's canonical URL ({@link ArticleId}),
 * and carries a {@code schema} version. Readers ignore fields they do not know, so a newer producer never
 * breaks an older consumer.
 */
package dev.lodestone.core;
