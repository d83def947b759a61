package dev.lodestone.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page declares about itself, read before the body is cut out. Declarations made for search
 * engines and social networks (JSON-LD, Open Graph, Dublin Core, {@code <meta>}) come first because
 * they are explicit and usually right; the visible page ({@code <h1>}, {@code <time>}, byline
 * elements, the URL's date path) is the fallback.
 */
final class PageMetadata {
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d\\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\\d|3[01])(?:/|$)");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile(" [|\\-–—\\\\/>»·:] ");
    private static final Pattern BYLINE_NAMES = Pattern.compile("(?i)byline|author|writtenby|p-author");

    private final Document page;
    private final URI pageUrl;
    private final List<JsonNode> linkedData;
    private final Map<String, String> metas;

    private PageMetadata(Document page, URI pageUrl) {
        this.page = page;
        this.pageUrl = pageUrl;
        this.linkedData = linkedData(page);
        this.metas = metas(page);
    }

    /** Dated, with where the date came from. */
    record Dated(Instant instant, String source) {}

    static PageMetadata of(Document page, URI pageUrl) {
        return new PageMetadata(page, pageUrl);
    }

    String title() {
        String declared = firstNonBlank(meta("dc:title"), meta("dcterm:title"), meta("og:title"), meta("title"),
                meta("twitter:title"), linkedDataText("headline"));
        if (!declared.isEmpty()) {
            return withoutSiteName(declared);
        }
        String title = page.title().strip();
        if (title.isEmpty()) {
            Element heading = page.selectFirst("h1");
            return heading == null ? "" : heading.text().strip();
        }
        return withoutSiteName(shortenedTitle(title));
    }

    /** A {@code <title>} usually ends with the site's name after a separator; a headline needs at least three words. */
    private String shortenedTitle(String title) {
        Matcher separator = TITLE_SEPARATOR.matcher(title);
        int last = -1;
        while (separator.find()) {
            last = separator.start();
        }
        if (last > 0) {
            String head = title.substring(0, last).strip();
            if (head.split("\\s+").length >= 3) {
                return head;
            }
        }
        return title;
    }

    private String withoutSiteName(String title) {
        String siteName = meta("og:site_name");
        if (siteName.isEmpty()) {
            return title;
        }
        for (String separator : List.of(" | ", " - ", " – ", " — ", " :: ", " · ")) {
            String suffix = separator + siteName;
            if (title.length() > suffix.length() && title.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
                return title.substring(0, title.length() - suffix.length()).strip();
            }
        }
        return title;
    }

    /** Authors from JSON-LD first, then author metadata, then a byline element; "By " and dates stripped. */
    String byline() {
        Set<String> authors = new LinkedHashSet<>();
        for (JsonNode node : linkedData) {
            if (isArticle(node)) {
                JsonNode author = node.path("author");
                for (JsonNode one : author.isArray() ? author : List.of(author)) {
                    String name = one.isTextual() ? one.asText() : one.path("name").asText("");
                    if (!name.isBlank() && !name.startsWith("http")) {
                        authors.add(name.strip());
                    }
                }
            }
        }
        if (!authors.isEmpty()) {
            return String.join(" and ", authors);
        }
        String declared = firstNonBlank(meta("dc:creator"), meta("dcterm:creator"), meta("author"),
                meta("parsely-author"), meta("sailthru.author"));
        if (!declared.isEmpty() && !declared.startsWith("http")) {
            return cleanByline(declared);
        }
        for (Element candidate : page.select("[rel=author], [itemprop~=author], [class], [id]")) {
            boolean byName = candidate.hasAttr("rel") || candidate.hasAttr("itemprop")
                    || BYLINE_NAMES.matcher(candidate.className() + " " + candidate.id()).find();
            if (byName) {
                String text = candidate.text().strip();
                if (!text.isEmpty() && text.length() < 100) {
                    return cleanByline(text);
                }
            }
        }
        return null;
    }

    private static String cleanByline(String byline) {
        String cleaned = byline.replaceFirst("(?i)^(written\\s+)?by[:\\s]+", "").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    Optional<Dated> published() {
        return date("datePublished", List.of("article:published_time", "dcterms.available", "dcterms.created",
                "dcterms.issued", "datePublished", "pubdate", "parsely-pub-date", "sailthru.date", "date",
                "dc.date", "og:published_time"), true);
    }

    Optional<Dated> modified() {
        return date("dateModified", List.of("article:modified_time", "og:updated_time", "dateModified",
                "dcterms.modified", "last-modified"), false);
    }

    private Optional<Dated> date(String linkedDataField, List<String> metaNames, boolean visibleFallbacks) {
        for (JsonNode node : linkedData) {
            Optional<Instant> date = PublishedDates.parse(node.path(linkedDataField).asText(null));
            if (date.isPresent()) {
                return Optional.of(new Dated(date.get(), "json-ld"));
            }
        }
        for (String name : metaNames) {
            Optional<Instant> date = PublishedDates.parse(meta(name));
            if (date.isPresent()) {
                return Optional.of(new Dated(date.get(), "meta"));
            }
        }
        if (!visibleFallbacks) {
            return Optional.empty();
        }
        for (Element time : page.select("time[datetime]")) {
            Optional<Instant> date = PublishedDates.parse(time.attr("datetime"));
            if (date.isPresent()) {
                return Optional.of(new Dated(date.get(), "time"));
            }
        }
        Matcher path = URL_DATE.matcher(pageUrl.getRawPath() == null ? "" : pageUrl.getRawPath());
        if (path.find()) {
            try {
                return Optional.of(new Dated(LocalDate.of(Integer.parseInt(path.group(1)), Integer.parseInt(path.group(2)),
                        Integer.parseInt(path.group(3))).atStartOfDay().toInstant(ZoneOffset.UTC), "url"));
            } catch (java.time.DateTimeException impossibleDay) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The declared language's primary subtag; null when undeclared, for the caller to guess from the text. */
    String declaredLanguage() {
        Element html = page.selectFirst("html");
        String declared = firstNonBlank(html == null ? "" : html.attr("lang"), html == null ? "" : html.attr("xml:lang"),
                httpEquiv("content-language"), meta("og:locale"), meta("language"), meta("dc.language"));
        String primary = declared.split("[-_,\\s]", 2)[0].strip().toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }

    URI canonicalUrl() {
        Element link = page.selectFirst("link[rel=canonical][href]");
        for (String href : List.of(link == null ? "" : link.attr("href"), meta("og:url"))) {
            URI canonical = absolute(href);
            if (canonical != null) {
                return canonical;
            }
        }
        return pageUrl;
    }

    URI leadImage() {
        String linkedImage = "";
        for (JsonNode node : linkedData) {
            if (isArticle(node)) {
                JsonNode image = node.path("image");
                JsonNode first = image.isArray() ? image.path(0) : image;
                linkedImage = first.isTextual() ? first.asText() : first.path("url").asText("");
                break;
            }
        }
        Element img = page.selectFirst("article img[src], main img[src], img[src][width~=^([3-9]\\d\\d|\\d{4,})$]");
        for (String src : List.of(meta("og:image"), meta("twitter:image"), linkedImage, img == null ? "" : img.attr("src"))) {
            URI image = absolute(src);
            if (image != null) {
                return image;
            }
        }
        return null;
    }

    String section() {
        String section = firstNonBlank(meta("article:section"), linkedDataText("articleSection"));
        return section.isEmpty() ? null : section;
    }

    private String linkedDataText(String field) {
        for (JsonNode node : linkedData) {
            JsonNode value = node.path(field);
            JsonNode first = value.isArray() ? value.path(0) : value;
            if (first.isTextual() && !first.asText().isBlank()) {
                return first.asText().strip();
            }
        }
        return "";
    }

    private static boolean isArticle(JsonNode node) {
        String type = node.path("@type").isArray() ? node.path("@type").toString() : node.path("@type").asText("");
        return type.contains("Article") || type.contains("Posting") || type.contains("Report") || type.isEmpty()
                || node.has("headline");
    }

    private URI absolute(String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI uri = pageUrl.resolve(new URI(href.strip().replace(" ", "%20")));
            return uri.isAbsolute() && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException | IllegalArgumentException malformed) {
            return null;
        }
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

    private String meta(String name) {
        return metas.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    /** The first non-blank content of each meta name, property or itemprop, by lower-case name. */
    private static Map<String, String> metas(Document page) {
        Map<String, String> metas = new HashMap<>();
        for (Element meta : page.select("meta[content]")) {
            String content = meta.attr("content").strip();
            if (!content.isEmpty()) {
                for (String key : List.of("property", "name", "itemprop")) {
                    metas.putIfAbsent(meta.attr(key).toLowerCase(Locale.ROOT), content);
                }
            }
        }
        return metas;
    }

    private String httpEquiv(String name) {
        Element meta = page.selectFirst("meta[http-equiv=" + name + "][content]");
        return meta == null ? "" : meta.attr("content");
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
