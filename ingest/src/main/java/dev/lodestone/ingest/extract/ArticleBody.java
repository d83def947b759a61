package dev.lodestone.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the story's text in a page, in three steps that each correct the one before.
 *
 * <ol>
 *   <li><b>Prune</b> what is never the story: scripts, forms, navigation, hidden elements, and the blocks
 *   whose class, id or role names page furniture (comments, sharing, related links, ads, newsletters,
 *   bylines...). A name is read as words ({@code relatedArticles} is "related articles"), so {@code shadow}
 *   or {@code download} never read as "ad". An element holding most of the page's text is never pruned by
 *   its name: themes put words like {@code has-sidebar} on the story's own wrapper. A {@code <time>} standing
 *   on its own line is the page's dateline, not the story.</li>
 *   <li><b>Score</b> every container by the paragraphs it holds, as Readability does: each paragraph gives
 *   its parent points for its length and commas, and less to the ancestors above; a container loses the
 *   share of its text that is link text. The best container, widened to the ancestor its runners-up share,
 *   and joined by the siblings that look like it, is the story.</li>
 *   <li><b>Write</b> the story's blocks (paragraphs, sub-headings, list items, quotes) one per paragraph,
 *   dropping the blocks that are mostly links and the short stock lines ("Advertisement", "Read more")
 *   that sit between paragraphs.</li>
 * </ol>
 *
 * <p>Everything is linear in the size of the page: text lengths are counted once, bottom-up, so deep or
 * huge pages cost no more than their size.
 */
final class ArticleBody {
    private static final String NEVER_CONTENT = "script, style, noscript, template, iframe, svg, canvas, object, embed, "
            + "button, select, input, textarea, nav, aside, footer, menu, dialog, figcaption, link, meta, "
            + "[hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=contentinfo], "
            + "[role=banner], [role=dialog], [role=alert], [style~=(?i)display:\\s*none|visibility:\\s*hidden]";

    /** Words in class and id names that mark furniture around the story. */
    private static final Set<String> FURNITURE_WORDS = Set.of(
            "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "advertorial", "sponsor",
            "sponsored", "promo", "promos", "promoted", "related", "recommended", "recommendations", "recirc",
            "comment", "comments", "disqus", "share", "sharing", "sharebar", "social", "socials", "newsletter",
            "subscribe", "subscription", "signup", "popup", "modal", "cookie", "cookies", "consent", "gdpr",
            "breadcrumb", "breadcrumbs", "sidebar", "outbrain", "taboola", "paywall",
            "byline", "bylines", "author", "authors", "bio", "dateline", "timestamp", "caption", "credit",
            "credits", "tags", "tag", "tagline", "keywords", "topics", "trending", "popular", "footer", "masthead",
            "toolbar", "pagination", "pager", "nav", "navbar", "navigation", "menu", "skip", "print", "email",
            "rss", "follow", "banner", "disclaimer", "copyright", "meta", "hidden", "visually", "sr", "offscreen",
            "video", "gallery", "slideshow", "carousel", "headline", "kicker", "rating", "login", "register",
            "more", "next", "prev", "previous", "teaser", "teasers", "cta", "overlay", "donate");

    /** Pairs of words, such as {@code article-body} or {@code entry-content}, that name the story's body. */
    private static final Set<String> STORY_FIRST_WORDS = Set.of("article", "story", "post", "entry", "news", "blog");
    private static final Set<String> STORY_SECOND_WORDS = Set.of("body", "content", "text", "copy");

    /** Words that mark the story itself; they shield nothing, but add to a container's score. */
    private static final Pattern STORY_NAMES = Pattern.compile(
            "article|body|content|entry|main|page|post|text|blog|story|prose|rich");
    private static final Pattern FURNITURE_NAMES = Pattern.compile(
            "comment|meta|footer|footnote|foot|related|share|social|sidebar|sponsor|promo|widget|nav|menu|hidden|"
                    + "byline|author|caption|ad-|-ad\\b|outbrain|taboola|recommend");

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "figure", "address",
            "center", "hr", "br", "summary", "details", "caption", "tfoot", "form", "fieldset", "body");
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote");

    /** Short stock lines between paragraphs that are never part of the story. */
    private static final Pattern STOCK_LINE = Pattern.compile("(?i)^\\W*(advertisement|advertisements|ad|sponsored|"
            + "story continues below( advertisement)?|continue reading( below)?|read more|read next|read also|see also|"
            + "related( articles| stories| content| coverage)?|more on this|sign up|subscribe|share( this( article| story)?)?|"
            + "follow us|click here|watch|listen|image|photo|video|loading|advert|scroll to continue|"
            + "(share|tweet|email|print)( this)?)\\b.{0,80}$");

    private ArticleBody() {}

    /** The story's text, paragraphs separated by a blank line; empty when the page has none. Mutates the page. */
    static String text(Document page) {
        Element body = page.body();
        if (body == null) {
            return "";
        }
        body.select(NEVER_CONTENT).remove();
        Map<Element, Counts> counts = count(body);
        Element marked = markedStory(body, counts);
        pruneFurniture(body, marked, counts);
        counts = count(body);
        List<Element> story = story(body, marked == null || marked.parent() == null ? null : marked, counts);
        Writer writer = new Writer();
        for (Element element : story) {
            writer.write(element);
        }
        return writer.text();
    }

    /** Text, link text and commas under each element, counted bottom-up in one pass. */
    private static final class Counts {
        int text;
        int linkText;
        int commas;
        double score;
    }

    private static Map<Element, Counts> count(Element root) {
        Map<Element, Counts> counts = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element) {
                    counts.put(element, new Counts());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                Element parent = node.parent() instanceof Element element ? element : null;
                Counts into = parent == null ? null : counts.get(parent);
                if (into == null) {
                    return;
                }
                if (node instanceof TextNode text) {
                    String value = text.getWholeText();
                    int length = visibleLength(value);
                    into.text += length;
                    into.commas += commas(value);
                    if (parent.normalName().equals("a")) {
                        into.linkText += length;
                    }
                } else if (node instanceof Element element) {
                    Counts own = counts.get(element);
                    into.text += own.text;
                    into.commas += own.commas;
                    into.linkText += element.normalName().equals("a") ? own.text : own.linkText;
                }
            }
        }, root);
        return counts;
    }

    /** Removes furniture, sparing the marked story, its ancestors, and any element holding half the page's text. */
    private static void pruneFurniture(Element root, Element marked, Map<Element, Counts> counts) {
        int pageText = counts.get(root).text;
        Set<Element> spared = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element element = marked; element != null; element = element.parent()) {
            spared.add(element);
        }
        List<Element> furniture = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element && element != root && !spared.contains(element)
                        && isFurniture(element) && counts.get(element).text * 2 < pageText) {
                    furniture.add(element);
                }
            }

            @Override
            public void tail(Node node, int depth) {}
        }, root);
        furniture.forEach(Node::remove);
    }

    private static boolean isFurniture(Element element) {
        String tag = element.normalName();
        if (tag.equals("article") || tag.equals("main") || tag.equals("a")
                || element.hasAttr("itemprop") && element.attr("itemprop").equals("articleBody")) {
            return false;
        }
        if (tag.equals("header") || tag.equals("form")) {
            return true;
        }
        if (tag.equals("time") && element.closest("p, li, td, blockquote") == null) {
            return true;
        }
        for (String word : words(element.className() + " " + element.id() + " " + element.attr("role"))) {
            if (FURNITURE_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Class and id names as lower-case words: {@code relatedArticles sidebar-ad} gives related, articles, sidebar, ad. */
    static List<String> words(String names) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= names.length(); i++) {
            char c = i < names.length() ? names.charAt(i) : ' ';
            boolean letter = Character.isLetterOrDigit(c);
            boolean wordStart = letter && i > 0 && Character.isUpperCase(c) && Character.isLowerCase(names.charAt(i - 1));
            if (start >= 0 && (!letter || wordStart)) {
                words.add(names.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /** The story's elements, in page order: the best container and the siblings that belong with it. */
    private static List<Element> story(Element body, Element marked, Map<Element, Counts> counts) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element element : body.getAllElements()) {
            Counts own = counts.get(element);
            boolean paragraph = PARAGRAPHS.contains(element.normalName())
                    || element.normalName().equals("div") && ownTextLength(element) >= 50;
            if (!paragraph || own.text < 25) {
                continue;
            }
            double points = 1 + own.commas + Math.min(own.text / 100.0, 3);
            Element ancestor = element.parent();
            for (int level = 0; ancestor != null && counts.containsKey(ancestor) && level < 5; level++, ancestor = ancestor.parent()) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, points / divider, Double::sum);
            }
        }
        Element best = null;
        double bestScore = 0;
        for (var candidate : scores.entrySet()) {
            Element element = candidate.getKey();
            Counts own = counts.get(element);
            double score = (candidate.getValue() + nameWeight(element)) * (1 - linkDensity(own));
            counts.get(element).score = score;
            if (score > bestScore) {
                best = element;
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of(body);
        }
        if (marked != null && counts.get(marked).text * 3 >= counts.get(best).text) {
            best = marked;
            bestScore = Math.max(bestScore, counts.get(marked).score);
        } else {
            best = widened(best, bestScore, counts);
        }
        if (best == body) {
            return List.of(best);
        }
        List<Element> story = new ArrayList<>();
        double threshold = Math.max(10, bestScore * 0.2);
        for (Element sibling : best.parent().children()) {
            if (sibling == best || belongsWith(sibling, best, threshold, counts)) {
                story.add(sibling);
            }
        }
        return story;
    }

    /**
     * The element the publisher marked as the story's body ({@code itemprop=articleBody}, or a class such as
     * {@code article-body} or {@code entry-content}) holding the most text. Such marks are more reliable
     * than scores when teaser lists with full-sentence summaries outscore a short story.
     */
    private static Element markedStory(Element body, Map<Element, Counts> counts) {
        Element best = null;
        for (Element element : body.select("[itemprop=articleBody], [class], [id]")) {
            if (isMarkedStory(element) && (best == null || counts.get(element).text > counts.get(best).text)) {
                best = element;
            }
        }
        return best;
    }

    private static boolean isMarkedStory(Element element) {
        if (element.attr("itemprop").equals("articleBody")) {
            return true;
        }
        List<String> words = words(element.className() + " " + element.id());
        for (int i = 0; i + 1 < words.size(); i++) {
            if (STORY_FIRST_WORDS.contains(words.get(i)) && STORY_SECOND_WORDS.contains(words.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A story split into several blocks makes its runners-up share an ancestor: climb while the parent
     * scores nearly as well, so the whole story is kept.
     */
    private static Element widened(Element best, double bestScore, Map<Element, Counts> counts) {
        Element current = best;
        for (Element parent = current.parent(); parent != null && !parent.normalName().equals("body");
             parent = parent.parent()) {
            Counts own = counts.get(parent);
            if (own == null) {
                break;
            }
            if (own.score >= bestScore * 0.75 || counts.get(current).text * 10 >= own.text * 9 && parent.childrenSize() == 1) {
                current = parent;
            } else {
                break;
            }
        }
        return current;
    }

    private static boolean belongsWith(Element sibling, Element best, double threshold, Map<Element, Counts> counts) {
        Counts own = counts.get(sibling);
        if (own.text == 0) {
            return false;
        }
        double bonus = !best.className().isEmpty() && sibling.className().equals(best.className()) ? 0.2 * counts.get(best).score : 0;
        if (own.score + bonus >= threshold) {
            return true;
        }
        if (sibling.normalName().equals("p")) {
            double density = linkDensity(own);
            return own.text > 80 && density < 0.25 || own.text > 0 && density == 0 && sibling.text().matches(".*\\.( |$).*");
        }
        return false;
    }

    private static double nameWeight(Element element) {
        String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
        double weight = 0;
        if (STORY_NAMES.matcher(names).find()) {
            weight += 25;
        }
        if (FURNITURE_NAMES.matcher(names).find()) {
            weight -= 25;
        }
        if (element.normalName().equals("article") || element.attr("itemprop").equals("articleBody")) {
            weight += 25;
        }
        return weight;
    }

    private static double linkDensity(Counts counts) {
        return counts.text == 0 ? 0 : Math.min(1, (double) counts.linkText / counts.text);
    }

    private static int ownTextLength(Element element) {
        int length = 0;
        for (TextNode text : element.textNodes()) {
            length += visibleLength(text.getWholeText());
        }
        return length;
    }

    private static int visibleLength(String text) {
        int length = 0;
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            boolean blank = Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\u00a0';
            if (!blank || !space) {
                length++;
            }
            space = blank;
        }
        return length;
    }

    private static int commas(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '،' || c == '，') {
                commas++;
            }
        }
        return commas;
    }

    /** Writes blocks as paragraphs, dropping link lists, stock lines and headlines. */
    private static final class Writer implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder block = new StringBuilder();
        private int blockLinkText;
        private int linkDepth;
        private boolean heading;

        void write(Element root) {
            NodeTraversor.traverse(this, root);
            flush();
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendText(text.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (BLOCKS.contains(tag)) {
                    flush();
                    heading = tag.equals("h1");
                } else if (tag.equals("a")) {
                    linkDepth++;
                } else if (tag.equals("img") && block.length() > 0) {
                    appendText(" ");
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (BLOCKS.contains(tag)) {
                    flush();
                } else if (tag.equals("a")) {
                    linkDepth--;
                }
            }
        }

        private void appendText(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    if (block.length() > 0 && block.charAt(block.length() - 1) != ' ') {
                        block.append(' ');
                        blockLinkText += linkDepth > 0 ? 1 : 0;
                    }
                } else {
                    block.append(c);
                    blockLinkText += linkDepth > 0 ? 1 : 0;
                }
            }
        }

        private void flush() {
            String line = block.toString().strip();
            boolean keep = !line.isEmpty() && !heading && blockLinkText * 2 <= line.length()
                    && !(line.length() < 100 && STOCK_LINE.matcher(line).matches());
            if (keep) {
                if (out.length() > 0) {
                    out.append("\n\n");
                }
                out.append(line);
            }
            block.setLength(0);
            blockLinkText = 0;
            heading = false;
        }

        String text() {
            return out.toString();
        }
    }
}
