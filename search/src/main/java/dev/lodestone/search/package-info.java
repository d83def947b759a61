/**
 * The search service: a Lucene index of every tagged article, kept current from Kafka, behind a JSON
 * API and a web page. {@link dev.lodestone.search.SearchService} wires the features together; each
 * feature lives in its own package: {@code index} (the documents on disk and their Kafka offsets),
 * {@code query} (the query language, ranking and snippets, pure over a searcher), {@code indexer} (the
 * Kafka edge) and {@code web} (the HTTP edge).
 */
package dev.lodestone.search;
