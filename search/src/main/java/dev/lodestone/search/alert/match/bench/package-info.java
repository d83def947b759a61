/**
 * Measuring alert matching at scale: generated news and analyst rules, the naive way of matching them as a
 * yardstick, and the benchmark that puts both side by side.
 */
package dev.lodestone.search.alert.match.bench;
