/**
 * The search service: a Lucene index of every tagged article, kept current from Kafka, behind a JSON
 * API and a web page. {@link dev.lodestone.search.SearchService} wires the features together; each
 * feature lives in its own package: {@code index} (the documents on disk, their facets and their Kafka
 * offsets), {@code query} (the query language, ranking, snippets, story collapse, facets and timelines,
 * pure over a searcher), {@code indexer} (the Kafka edge), {@code web} (the HTTP edge: the JSON API,
 * the live feed and the analyst's page) and {@code benchmark} (synthetic coverage at scale, and the
 * command that measures the index against its targets).
 */
package dev.lodestone.search;
