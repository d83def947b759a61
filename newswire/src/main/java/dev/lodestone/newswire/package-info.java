/**
 * A sample newswire of fictional outlets served over real HTTP on loopback, so that {@code lodestone demo} and
 * the end-to-end tests can show the whole pipeline (poll feeds, fetch pages, tag, index) with no internet.
 *
 * <p>{@link dev.lodestone.newswire.SampleArticles} is the bundled content: original articles about the
 * 2025 Pakistan–US critical-minerals deal, near-misses that share its words but not its story, unrelated news,
 * and syndicated wire copies. {@link dev.lodestone.newswire.DemoNewswire} publishes them one by one over time,
 * as RSS 2.0 and Atom 1.0 feeds and as article pages with the clutter of a real news site around the text.
 * {@link dev.lodestone.newswire.Feeds} and {@link dev.lodestone.newswire.ArticlePage} render values to
 * text and know nothing of HTTP.
 */
package dev.lodestone.newswire;
