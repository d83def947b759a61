/** The Kafka edge of search: reading tagged articles into the index, resuming where the index left off. */
package dev.lodestone.search.indexer;
