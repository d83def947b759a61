package dev.lodestone.ingest.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the byline a page shows its readers when it declares no author: the first element, in reading
 * order, that marks itself as one ({@code rel=author}, {@code itemprop=author}, or a class or id naming a
 * byline, author or dateline), skipping what a reader never sees or never reads as the story (hidden
 * elements, menus, headers, sidebars, comments; the same list reader views use), except that an
 * {@code <article>}'s own header is where its byline usually is. The element's text is then
 * reduced to the names: a nested {@code itemprop=name} wins, and the "By", a trailing date or
 * "1 day ago", and anything after a "|" are cut. What is left must still look like a name and not be the
 * headline; otherwise the search goes on.
 */
final class Bylines {
    private static final Pattern BYLINE = Pattern.compile("(?i)byline|author|dateline|writtenby|p-author");
    private static final Pattern UNLIKELY = Pattern.compile("(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment"
            + "|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss"
            + "|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup"
            + "|yom-remote");
    private static final Pattern MAYBE_CONTENT = Pattern.compile("(?i)and|article|body|column|content|main|shadow");
    private static final Pattern ARTICLE_HEADER = Pattern.compile("(?i)header");
    private static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation",
            "alert", "alertdialog", "dialog");
    private static final Set<String> NEVER_READ = Set.of("script", "style", "noscript", "template", "svg", "form",
            "button", "select", "textarea");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    private static final Pattern LEADING_BY = Pattern.compile(
            "(?iu)^(?:(?:written|posted|reported|story|words)\\s+)?(?:by|von|par|por|door)(?:\\s*:\\s*|\\s+)");
    private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    /** Where a date, a time or "2 hours ago" starts: a digit, or a month name followed by a day or year. */
    private static final Pattern DATE_START = Pattern.compile("(?iu)\\d|(?<![\\p{L}])" + MONTH + "\\s+\\d");
    private static final Pattern TRAILING_JUNK = Pattern.compile(
            "(?iu)(?:[\\s|,;:•·/\\-–—]|\\b(?:on|at|updated|published|posted)\\b)+$");
    private static final int LONGEST_BYLINE = 100;
    private static final int MOST_WORDS = 12;

    private Bylines() {}

    /** The byline in the page's text, or null when no element offers one that passes. */
    static String inPage(Element body, String headline) {
        Deque<Visit> pending = new ArrayDeque<>();
        pending.push(new Visit(body, false));
        while (!pending.isEmpty()) {
            Visit visit = pending.pop();
            Element element = visit.element();
            if (element != body && isSkipped(element, visit.inArticle())) {
                continue;
            }
            if (marksAByline(element)) {
                String byline = reduced(element);
                if (byline != null && !byline.equalsIgnoreCase(headline)) {
                    return byline;
                }
            }
            boolean inArticle = visit.inArticle() || element.normalName().equals("article");
            for (int i = element.childrenSize() - 1; i >= 0; i--) {
                pending.push(new Visit(element.child(i), inArticle));
            }
        }
        return null;
    }

    private record Visit(Element element, boolean inArticle) {}

    /**
     * The names in a byline's text: "By", dates and "|"-separated extras removed, whitespace collapsed;
     * null when nothing name-like is left.
     */
    static String clean(String text) {
        String byline = text.replaceAll("[\\s\\u00a0]+", " ").strip();
        byline = LEADING_BY.matcher(byline).replaceFirst("");
        int bar = byline.indexOf('|');
        if (bar >= 0) {
            byline = byline.substring(0, bar);
        }
        var date = DATE_START.matcher(byline);
        if (date.find()) {
            byline = byline.substring(0, date.start());
        }
        byline = TRAILING_JUNK.matcher(byline.strip()).replaceAll("").strip();
        boolean nameLike = !byline.isEmpty() && byline.length() < LONGEST_BYLINE
                && byline.split(" ").length <= MOST_WORDS && Character.isLetter(byline.codePointAt(0));
        return nameLike ? byline : null;
    }

    private static String reduced(Element candidate) {
        String text = candidate.text();
        if (text.isBlank() || text.length() >= LONGEST_BYLINE) {
            return null;
        }
        Element name = candidate.selectFirst("[itemprop~=(?i)name]");
        if (name != null && !name.text().isBlank()) {
            text = name.text();
        }
        return clean(text);
    }

    private static boolean marksAByline(Element element) {
        return element.attr("rel").equalsIgnoreCase("author")
                || element.attr("itemprop").toLowerCase(Locale.ROOT).contains("author")
                || BYLINE.matcher(element.className() + " " + element.id()).find();
    }

    private static boolean isSkipped(Element element, boolean inArticle) {
        if (NEVER_READ.contains(element.normalName()) || element.hasAttr("hidden")
                || element.attr("aria-hidden").equals("true") || HIDDEN_STYLE.matcher(element.attr("style")).find()
                || UNLIKELY_ROLES.contains(element.attr("role"))) {
            return true;
        }
        String names = element.className() + " " + element.id();
        if (inArticle) {
            names = ARTICLE_HEADER.matcher(names).replaceAll("");
        }
        return !element.normalName().equals("a") && UNLIKELY.matcher(names).find()
                && !MAYBE_CONTENT.matcher(names).find();
    }
}
