/**
 * Ingest: finds new articles in news feeds, sitemaps and section pages, fetches their pages politely
 * (robots.txt, a pause per host, retries with back-off) and safely, extracts the story
 * and publishes it on {@code lodestone.articles}; each feed's health goes to {@code lodestone.feeds}.
 *
 * <p>{@link dev.lodestone.ingest.IngestService} is the only part that touches Kafka. Beneath it, by
 * feature: {@code feed} (reading feeds, sitemaps and section pages, polling one source, remembering
 * what was seen), {@code fetch} (HTTP with address checks, size caps, timeouts, robots.txt and politeness), {@code extract} (the story out of a page) and
 * {@code url} (one spelling per article URL). Parsing, extraction and canonicalisation are pure functions.
 */
package dev.lodestone.ingest;
