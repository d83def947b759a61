/**
 * Measuring search at scale: a deterministic generator of realistic synthetic coverage and the
 * benchmark that indexes it and times a fixed mix of analyst queries.
 */
package dev.lodestone.search.benchmark;
