/**
 * Searching the article index: the query language analysts type, ranking, and HTML-safe snippets.
 * Pure over a Lucene searcher, with no HTTP or Kafka, so it is tested against a real index alone.
 */
package dev.lodestone.search.query;
