/**
 * Ingest: finds new articles in news feeds, fetches their pages politely and safely, extracts the story
 * and publishes it on {@code lodestone.articles}; each feed's health goes to {@code lodestone.feeds}.
 *
 * <p>{@link dev.lodestone.ingest.IngestService} is the only part that touches Kafka. Beneath it, by
 * feature: {@code feed} (parsing feeds, polling one feed, remembering what was seen), {@code fetch}
 * (HTTP with address checks, size caps and timeouts), {@code extract} (the story out of a page) and
 * {@code url} (one spelling per article URL). Parsing, extraction and canonicalisation are pure functions.
 */
package dev.lodestone.ingest;
