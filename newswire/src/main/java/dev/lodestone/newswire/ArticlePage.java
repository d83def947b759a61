package dev.lodestone.newswire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders an article page the way a real news site serves one: metadata for crawlers (canonical link, Open
 * Graph, JSON-LD {@code NewsArticle}), and around the story the clutter an extractor must leave out —
 * navigation, ad slots, breadcrumbs, a "Read more" box and a newsletter box inside the article, a "Most
 * read" aside, sponsored links, reader comments and a footer — at the weight of a real page, scripts and
 * styles included ({@link SiteChrome}). The outlet's {@link PageTemplate} varies the markup.
 */
public final class ArticlePage {
    /** Shown in every footer so that nobody mistakes a demo page for real reporting. */
    public static final String SAMPLE_NOTE = "Sample content written for Lodestone's demo — a fictional outlet.";

    private static final int MOST_READ = 5;
    /** Where the ad slot inside the story goes, on stories long enough to carry one. */
    private static final int IN_ARTICLE_AD_AFTER = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private ArticlePage() {}

    /**
     * The article's page.
     *
     * @param outletNewestFirst the outlet's published articles, newest first, from which the "Read more" box
     *                          and the "Most read" aside are filled; the article itself is skipped
     * @param baseUrl           the newswire's root URL; canonical and Open Graph URLs are absolute
     */
    public static String render(Outlet outlet, SampleArticle article, List<SampleArticle> outletNewestFirst,
            URI baseUrl) {
        List<SampleArticle> others = outletNewestFirst.stream().filter(a -> !a.equals(article)).toList();
        PageTemplate t = outlet.template();
        SplittableRandom variation = SiteChrome.variation(article);
        var html = new StringBuilder(131_072);
        head(html, outlet, article, baseUrl);
        html.append("<body class=\"").append(t.bodyClass()).append("\">\n");
        header(html, outlet, variation);
        SiteChrome.adSlot(html, "leaderboard", 728, 90);
        html.append("<main class=\"layout\">\n");
        breadcrumbs(html, outlet, article);
        if (t.asideFirst()) {
            mostRead(html, others);
        }
        story(html, outlet, article, others);
        if (!t.asideFirst()) {
            mostRead(html, others);
        }
        SiteChrome.sponsoredGrid(html, variation);
        SiteChrome.commentThread(html, article, variation);
        html.append("</main>\n");
        footer(html, outlet);
        SiteChrome.bodyScripts(html, outlet, article, others);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void head(StringBuilder html, Outlet outlet, SampleArticle article, URI base) {
        String url = Feeds.absolute(base, article.path());
        String published = article.publishedAt().toString();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(article.title())).append(" | ")
                .append(Html.escape(outlet.name())).append("</title>\n");
        meta(html, "name", "description", Html.abbreviate(article.lead(), 160));
        meta(html, "name", "author", article.author());
        meta(html, "property", "og:title", article.title());
        meta(html, "property", "og:url", url);
        meta(html, "property", "og:site_name", outlet.name());
        meta(html, "property", "og:type", "article");
        meta(html, "property", "article:published_time", published);
        meta(html, "property", "article:section", article.section());
        html.append("<link rel=\"canonical\" href=\"").append(Html.escape(url)).append("\">\n")
                .append("<link rel=\"alternate\" type=\"").append(outlet.feed().contentType().split(";")[0])
                .append("\" title=\"").append(Html.escape(outlet.name())).append("\" href=\"")
                .append(Html.escape(outlet.feedPath())).append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"/").append(outlet.id()).append("/assets/site.css\">\n")
                .append("<script type=\"application/ld+json\">").append(jsonLd(outlet, article, url))
                .append("</script>\n");
        SiteChrome.headExtras(html, outlet);
        html.append("</head>\n");
    }

    private static String jsonLd(Outlet outlet, SampleArticle article, String url) {
        ObjectNode ld = JSON.createObjectNode()
                .put("@context", "https://schema.org")
                .put("@type", "NewsArticle")
                .put("headline", article.title())
                .put("datePublished", article.publishedAt().toString())
                .put("articleSection", article.section())
                .put("mainEntityOfPage", url);
        ld.putObject("author").put("@type", "Person").put("name", article.author());
        ld.putObject("publisher").put("@type", "Organization").put("name", outlet.name());
        try {
            // A "<" in a headline could end the script element early; JSON may spell it as an escape.
            return JSON.writeValueAsString(ld).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON-LD for " + article.slug(), e);
        }
    }

    private static void header(StringBuilder html, Outlet outlet, SplittableRandom variation) {
        html.append("<header class=\"site-header\">\n<a class=\"logo\" href=\"").append(outlet.homePath())
                .append("\">").append(Html.escape(outlet.name())).append("</a>\n<p class=\"tagline\">")
                .append(Html.escape(outlet.tagline())).append("</p>\n<nav class=\"main-nav\" aria-label=\"Sections\">")
                .append("\n<ul>\n");
        for (String section : outlet.sections()) {
            html.append("<li><a href=\"").append(Html.escape(outlet.sectionPath(section))).append("\">")
                    .append(Html.escape(section)).append("</a></li>\n");
        }
        html.append("</ul>\n</nav>\n");
        SiteChrome.megaMenu(html, outlet, variation);
        html.append("</header>\n");
    }

    private static void breadcrumbs(StringBuilder html, Outlet outlet, SampleArticle article) {
        html.append("<ol class=\"breadcrumbs\"><li><a href=\"").append(outlet.homePath()).append("\">Home</a></li>")
                .append("<li><a href=\"").append(Html.escape(outlet.sectionPath(article.section()))).append("\">")
                .append(Html.escape(article.section())).append("</a></li></ol>\n");
    }

    private static void story(StringBuilder html, Outlet outlet, SampleArticle article, List<SampleArticle> others) {
        PageTemplate t = outlet.template();
        String date = t.dateFormat().format(article.publishedAt().atOffset(ZoneOffset.UTC));
        html.append("<article class=\"").append(t.articleClass()).append("\">\n<h1>")
                .append(Html.escape(article.title())).append("</h1>\n<div class=\"").append(t.metaClass())
                .append("\"><span class=\"byline\">By ").append(Html.escape(article.author()))
                .append("</span> <time datetime=\"").append(article.publishedAt()).append("\">")
                .append(Html.escape(date)).append("</time></div>\n<div class=\"").append(t.textClass())
                .append("\">\n");
        SiteChrome.storyMedia(html, outlet, article);
        SampleArticle readMore = others.stream().filter(a -> a.section().equals(article.section())).findFirst()
                .orElse(others.isEmpty() ? null : others.get(0));
        List<String> paragraphs = article.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            html.append("<p>").append(Html.escape(paragraphs.get(i))).append("</p>\n");
            if (readMore != null && i + 1 == Math.min(t.readMoreAfterParagraph(), paragraphs.size() - 1)) {
                html.append("<div class=\"related-box\"><strong>Read more:</strong> <a href=\"")
                        .append(Html.escape(readMore.path())).append("\">").append(Html.escape(readMore.title()))
                        .append("</a></div>\n");
            }
            if (i + 1 == IN_ARTICLE_AD_AFTER && paragraphs.size() > IN_ARTICLE_AD_AFTER + 1) {
                SiteChrome.adSlot(html, "in-article", 300, 250);
            }
        }
        html.append("</div>\n<div class=\"newsletter-signup\">\n<h3>Get the morning briefing</h3>\n")
                .append("<p>The day's top stories from ").append(Html.escape(outlet.name()))
                .append(", in your inbox before breakfast.</p>\n<form action=\"").append(outlet.homePath())
                .append("newsletter\" method=\"post\"><input type=\"email\" name=\"email\" ")
                .append("placeholder=\"Your email\"><button type=\"submit\">Sign up</button></form>\n</div>\n")
                .append("</article>\n");
    }

    private static void mostRead(StringBuilder html, List<SampleArticle> others) {
        if (others.isEmpty()) {
            return;
        }
        html.append("<aside class=\"most-read\">\n<h2>Most read</h2>\n<ol>\n");
        others.stream().limit(MOST_READ).forEach(a -> html.append("<li><a href=\"").append(Html.escape(a.path()))
                .append("\">").append(Html.escape(a.title())).append("</a></li>\n"));
        html.append("</ol>\n");
        SiteChrome.adSlot(html, "sidebar", 300, 600);
        html.append("</aside>\n");
    }

    private static void footer(StringBuilder html, Outlet outlet) {
        html.append("<footer class=\"site-footer\">\n");
        SiteChrome.footerColumns(html, outlet);
        html.append("<p>© 2025 ").append(Html.escape(outlet.name()))
                .append(". All rights reserved.</p>\n<ul class=\"footer-links\">")
                .append("<li><a href=\"").append(outlet.homePath()).append("about/\">About us</a></li>")
                .append("<li><a href=\"").append(outlet.homePath()).append("contact/\">Contact</a></li>")
                .append("<li><a href=\"").append(outlet.homePath()).append("privacy/\">Privacy</a></li>")
                .append("<li><a href=\"").append(Html.escape(outlet.feedPath())).append("\">Feed</a></li></ul>\n")
                .append("<p class=\"sample-note\">").append(Html.escape(SAMPLE_NOTE)).append("</p>\n</footer>\n");
    }

    private static void meta(StringBuilder html, String attribute, String key, String content) {
        html.append("<meta ").append(attribute).append("=\"").append(key).append("\" content=\"")
                .append(Html.escape(content)).append("\">\n");
    }
}
