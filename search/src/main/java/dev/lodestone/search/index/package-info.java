/**
 * The article index on disk: what is stored for each article, how its text is analysed, and the commits
 * that keep documents and consumed Kafka offsets in step, so a restart neither loses nor repeats work.
 */
package dev.lodestone.search.index;
