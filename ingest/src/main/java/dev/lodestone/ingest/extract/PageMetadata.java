package dev.lodestone.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * What a page declares about itself, read before the body is cut out. Declarations made for search
 * engines and social networks (JSON-LD, Dublin Core, Open Graph, {@code <meta>}) come first because
 * they are explicit and usually right; the visible page ({@code <title>}, byline elements, {@code <time>},
 * the URL's date path) is the fallback. Titles and bylines follow the precedence of Mozilla Readability,
 * so a page reads here as it does in Firefox's reader view: a declared title is taken as written (site
 * name and all, since cutting it is guesswork that also cuts real headlines), and only an undeclared one is
 * cut out of the {@code <title>} (see {@link Headline}).
 */
final class PageMetadata {
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d\\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\\d|3[01])(?:/|$)");
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)^(https?:|www\\.|/)|\\.(com|org|net)(/|$)");

    private final Document page;
    private final URI pageUrl;
    private final LinkedData linkedData;
    private final Map<String, String> metas;

    private PageMetadata(Document page, URI pageUrl) {
        this.page = page;
        this.pageUrl = pageUrl;
        this.linkedData = LinkedData.of(page);
        this.metas = metas(page);
    }

    /** Dated, with where the date came from. */
    record Dated(Instant instant, String source) {}

    static PageMetadata of(Document page, URI pageUrl) {
        return new PageMetadata(page, pageUrl);
    }

    /** The article's JSON-LD title, then the declared meta titles, then the cut {@code <title>}. */
    String title() {
        String linked = linkedData.article().map(this::linkedDataTitle).orElse("");
        if (!linked.isEmpty()) {
            return linked;
        }
        String declared = firstNonBlank(meta("dc:title"), meta("dcterm:title"), meta("og:title"),
                meta("weibo:article:title"), meta("weibo:webpage:title"), meta("title"), meta("twitter:title"),
                meta("parsely-title"));
        return declared.isEmpty() ? Headline.fromTitleElement(page) : declared;
    }

    /**
     * Some sites put their own name in the article's {@code name} and the headline in {@code headline}; when
     * the two differ, the one that covers more of the {@code <title>} is the story's.
     */
    private String linkedDataTitle(JsonNode article) {
        String name = LinkedData.text(article, "name");
        String headline = LinkedData.text(article, "headline");
        if (name.isEmpty() || headline.isEmpty() || name.equals(headline)) {
            return name.isEmpty() ? headline : name;
        }
        String title = Headline.fromTitleElement(page);
        return Headline.similarity(headline, title) >= Headline.similarity(name, title) ? headline : name;
    }

    /**
     * The article's JSON-LD authors ("A, B"), then the declared author metadata, then the byline the page
     * shows (see {@link Bylines}), which must not be the {@code title}. Web addresses and handles are not
     * names and are passed over.
     */
    String byline(String title) {
        String linked = linkedData.article().map(this::linkedDataAuthors).orElse("");
        if (!linked.isEmpty()) {
            return linked;
        }
        for (String name : List.of("dc:creator", "dcterm:creator", "author", "parsely-author", "article:author",
                "og:article:author", "sailthru:author")) {
            String declared = meta(name);
            if (!declared.isEmpty() && !isWebAddressOrHandle(declared)) {
                String byline = Bylines.clean(declared);
                if (byline != null) {
                    return byline;
                }
            }
        }
        return page.body() == null ? null : Bylines.inPage(page.body(), title);
    }

    private String linkedDataAuthors(JsonNode article) {
        Set<String> authors = new LinkedHashSet<>();
        JsonNode author = article.path("author");
        for (JsonNode reference : author.isArray() ? author : List.of(author)) {
            JsonNode one = linkedData.resolved(reference);
            String name = one.isTextual() ? Parser.unescapeEntities(one.asText(), false).strip() : LinkedData.text(one, "name");
            if (!name.isEmpty() && !isWebAddressOrHandle(name)) {
                authors.add(name);
            }
        }
        return String.join(", ", authors);
    }

    private static boolean isWebAddressOrHandle(String text) {
        return text.startsWith("@") || WEB_ADDRESS.matcher(text).find();
    }

    /**
     * The article's JSON-LD {@code datePublished} (the story's own date, where Open Graph tags are often the
     * last republication), then the declared metadata, then a {@code <time>} marked as the publication
     * time, any {@code <time>}, and a date in the URL's path.
     */
    Optional<Dated> published() {
        return date("datePublished", List.of("article:published_time", "og:article:published_time",
                "parsely-pub-date", "dcterms:available", "dcterms:created", "dcterms:issued", "datepublished",
                "pubdate", "publishdate", "sailthru:date", "dc:date", "dcterms:date", "date", "og:published_time"),
                true);
    }

    Optional<Dated> modified() {
        return date("dateModified", List.of("article:modified_time", "og:updated_time", "datemodified",
                "dcterms:modified", "last-modified"), false);
    }

    private Optional<Dated> date(String linkedDataField, List<String> metaNames, boolean visibleFallbacks) {
        for (JsonNode node : linkedData.nodesArticleFirst()) {
            Optional<Instant> date = PublishedDates.parse(LinkedData.text(node, linkedDataField));
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
        Elements times = page.select("time[datetime][pubdate], time[datetime][itemprop~=(?i)datePublished]");
        times.addAll(page.select("time[datetime]"));
        for (Element time : times) {
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
                httpEquiv("content-language"), meta("og:locale"), meta("language"), meta("dc:language"));
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
        String linkedImage = linkedData.article().map(article -> {
            JsonNode image = article.path("image");
            JsonNode first = image.isArray() ? image.path(0) : image;
            return first.isTextual() ? first.asText() : first.path("url").asText("");
        }).orElse("");
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
        String section = firstNonBlank(meta("article:section"),
                linkedData.article().map(article -> LinkedData.text(article, "articleSection")).orElse(""));
        return section.isEmpty() ? null : section;
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

    private String meta(String name) {
        return metas.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    /**
     * Each meta's content by key, lower-cased, with {@code DC.title} spelled {@code dc:title}. A
     * {@code property} may list several keys ({@code "dc:creator twitter:site_name"}); it outranks a
     * {@code name}, which outranks an {@code itemprop}, and the first non-blank content of each rank wins.
     */
    private static Map<String, String> metas(Document page) {
        Map<String, String> metas = new HashMap<>();
        Elements declared = page.select("meta[content]");
        for (String attribute : List.of("property", "name", "itemprop")) {
            for (Element meta : declared) {
                String content = meta.attr("content").strip();
                if (content.isEmpty()) {
                    continue;
                }
                for (String key : meta.attr(attribute).toLowerCase(Locale.ROOT).split("\\s+")) {
                    if (!key.isEmpty()) {
                        metas.putIfAbsent(attribute.equals("name") ? key.replace('.', ':') : key, content);
                    }
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
