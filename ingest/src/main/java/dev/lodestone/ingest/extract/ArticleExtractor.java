package dev.lodestone.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the article in a news page: its headline, byline, date, language, canonical URL and the text of
 * the story without the page's navigation, ads, related links, comments and share buttons. Pure: HTML in,
 * values out.
 *
 * <p>The metadata comes first from what publishers declare for search engines and social networks
 * (JSON-LD, Open Graph, {@code <link rel=canonical>}), because it is explicit and usually right; the page's
 * visible structure is the fallback. The body is the text of the best content block: an element marked
 * {@code itemprop=articleBody}, else an {@code <article>}, else the element holding the most paragraph
 * text, after removing the elements that are never the story. This is a deliberately simple heuristic;
 * it reads ordinary news pages well and degrades to less text, never to clutter.
 */
public final class ArticleExtractor {
    /** Elements that are never part of the story. */
    private static final String NEVER_CONTENT =
            "script, style, noscript, template, nav, aside, footer, header, form, button, iframe, svg, figcaption";

    /** Class and id words that mark page furniture around the story; bylines are read separately. */
    private static final Set<String> CLUTTER_WORDS = Set.of(
            "ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored", "promo",
            "related", "recommended", "comment", "comments", "share", "sharing", "social", "newsletter",
            "subscribe", "signup", "popup", "cookie", "cookies", "breadcrumb", "breadcrumbs", "sidebar", "outbrain",
            "taboola", "paywall", "byline", "author");

    private static final String TEXT_BLOCKS = "p, h2, h3, h4, h5, h6, li, pre, blockquote";

    private ArticleExtractor() {}

    /**
     * Extracts from raw page bytes. With no charset from the server, jsoup detects it from a BOM or a
     * {@code <meta charset>}, falling back to UTF-8.
     *
     * @param charset the charset the server declared, or null
     */
    public static ExtractedArticle extract(byte[] html, Charset charset, URI pageUrl) {
        try {
            return extract(Jsoup.parse(new ByteArrayInputStream(html), charset == null ? null : charset.name(),
                    pageUrl.toString()), pageUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    public static ExtractedArticle extract(String html, URI pageUrl) {
        return extract(Jsoup.parse(html, pageUrl.toString()), pageUrl);
    }

    private static ExtractedArticle extract(Document page, URI pageUrl) {
        List<JsonNode> linkedData = linkedData(page);
        Optional<Dated> date = date(page, linkedData);
        String title = title(page);
        String byline = byline(page, linkedData);
        String language = language(page);
        URI canonical = canonicalUrl(page, pageUrl);
        return new ExtractedArticle(title, byline, ArticleBody.text(page),
                date.map(Dated::instant).orElse(null),
                date.map(Dated::source).orElse(null),
                language, canonical);
    }

    private static String title(Document page) {
        String title = firstNonBlank(meta(page, "og:title"), textOf(page.selectFirst("h1")), page.title());
        String siteName = meta(page, "og:site_name");
        if (!siteName.isEmpty()) {
            for (String separator : List.of(" | ", " - ", " – ", " — ", " :: ")) {
                String suffix = separator + siteName;
                if (title.length() > suffix.length() && title.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
                    return title.substring(0, title.length() - suffix.length()).strip();
                }
            }
        }
        return title;
    }

    private static String byline(Document page, List<JsonNode> linkedData) {
        String byline = firstNonBlank(
                meta(page, "author"),
                textOf(page.selectFirst("[rel=author]")),
                textOf(page.selectFirst(".byline, [itemprop=author]")),
                linkedDataAuthor(linkedData));
        byline = byline.replaceFirst("(?i)^by\\s+", "").strip();
        return byline.isEmpty() ? null : byline;
    }

    private static String linkedDataAuthor(List<JsonNode> linkedData) {
        for (JsonNode node : linkedData) {
            JsonNode author = node.path("author");
            JsonNode first = author.isArray() ? author.path(0) : author;
            String name = first.isTextual() ? first.asText() : first.path("name").asText("");
            if (!name.isBlank()) {
                return name;
            }
        }
        return "";
    }

    private record Dated(Instant instant, String source) {}

    private static Optional<Dated> date(Document page, List<JsonNode> linkedData) {
        for (JsonNode node : linkedData) {
            Optional<Instant> published = PublishedDates.parse(node.path("datePublished").asText(null));
            if (published.isPresent()) {
                return Optional.of(new Dated(published.get(), "json-ld"));
            }
        }
        Optional<Instant> meta = PublishedDates.parse(firstNonBlank(
                meta(page, "article:published_time"), meta(page, "datePublished"), meta(page, "pubdate")));
        if (meta.isPresent()) {
            return Optional.of(new Dated(meta.get(), "meta"));
        }
        Element time = page.selectFirst("article time[datetime], time[datetime]");
        return PublishedDates.parse(time == null ? null : time.attr("datetime")).map(instant -> new Dated(instant, "time"));
    }

    /** The JSON-LD objects of the page, flattened out of arrays and {@code @graph}s; broken blocks skipped. */
    private static List<JsonNode> linkedData(Document page) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                flatten(Json.MAPPER.readTree(script.data()), nodes);
            } catch (JsonProcessingException malformed) {
                continue;
            }
        }
        return nodes;
    }

    private static void flatten(JsonNode node, List<JsonNode> into) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> flatten(element, into));
        } else if (node.isObject()) {
            into.add(node);
            flatten(node.get("@graph"), into);
        }
    }

    private static String language(Document page) {
        String lang = firstNonBlank(page.select("html").attr("lang"), meta(page, "og:locale"));
        String primary = lang.split("[-_]", 2)[0].strip().toLowerCase(Locale.ROOT);
        return primary.isEmpty() ? null : primary;
    }

    private static URI canonicalUrl(Document page, URI pageUrl) {
        Element link = page.selectFirst("link[rel=canonical][href]");
        String href = firstNonBlank(link == null ? "" : link.attr("abs:href"), absolute(pageUrl, meta(page, "og:url")));
        if (!href.isEmpty()) {
            try {
                URI canonical = new URI(href);
                if (canonical.isAbsolute() && canonical.getHost() != null) {
                    return canonical;
                }
            } catch (URISyntaxException malformed) {
                return pageUrl;
            }
        }
        return pageUrl;
    }

    private static String absolute(URI base, String href) {
        try {
            return href.isEmpty() ? "" : base.resolve(new URI(href)).toString();
        } catch (URISyntaxException | IllegalArgumentException malformed) {
            return "";
        }
    }

    private static String body(Document page) {
        Document clean = page.clone();
        clean.select(NEVER_CONTENT).remove();
        Element block = storyContainer(clean);
        if (block == null) {
            removeClutter(clean.body());
            block = densestParagraphParent(clean);
        } else {
            removeClutter(block);
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element text : block.select(TEXT_BLOCKS)) {
            String paragraph = text.text().strip();
            if (!paragraph.isEmpty() && !isInsideAnotherTextBlock(text, block) && !isMostlyLinks(text, paragraph)) {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs.isEmpty() ? block.text().strip() : String.join("\n\n", paragraphs);
    }

    /**
     * The element the publisher marked as the story: {@code itemprop=articleBody}, else the
     * {@code <article>} with the most paragraph text (teaser cards and comments may be articles too).
     */
    private static Element storyContainer(Document page) {
        Element marked = page.selectFirst("[itemprop=articleBody]");
        if (marked != null) {
            return marked;
        }
        Element best = null;
        int bestLength = 0;
        for (Element article : page.select("article")) {
            int length = article.select("p").text().length();
            if (best == null || length > bestLength) {
                best = article;
                bestLength = length;
            }
        }
        return best;
    }

    /** Without markup to go by, the story is where most paragraph text sits side by side. */
    private static Element densestParagraphParent(Document page) {
        Map<Element, Integer> textByParent = new HashMap<>();
        for (Element paragraph : page.select("p")) {
            if (paragraph.parent() != null) {
                textByParent.merge(paragraph.parent(), paragraph.text().length(), Integer::sum);
            }
        }
        return textByParent.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(page.body());
    }

    /**
     * Removes the elements under root whose class or id names page furniture. The root itself stays: themes
     * put words like {@code comments-open} on the story's own element.
     */
    private static void removeClutter(Element root) {
        for (Element element : root.select("[class], [id]")) {
            if (element != root && isClutter(element)) {
                element.remove();
            }
        }
    }

    private static boolean isInsideAnotherTextBlock(Element text, Element block) {
        for (Element parent = text.parent(); parent != null && parent != block; parent = parent.parent()) {
            if (parent.is(TEXT_BLOCKS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClutter(Element element) {
        String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
        for (String word : names.split("[^a-z0-9]+")) {
            if (CLUTTER_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A line that is mostly link text is navigation ("Read more: ...", lists of links), not story. */
    private static boolean isMostlyLinks(Element element, String text) {
        int linkText = element.select("a").text().length();
        return linkText * 2 > text.length();
    }

    private static String meta(Document page, String name) {
        String quoted = '"' + name + '"';
        Element meta = page.selectFirst("meta[property=" + quoted + "][content], meta[name=" + quoted + "][content], "
                + "meta[itemprop=" + quoted + "][content]");
        return meta == null ? "" : meta.attr("content").strip();
    }

    private static String textOf(Element element) {
        return element == null ? "" : element.text().strip();
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return "";
    }
}
