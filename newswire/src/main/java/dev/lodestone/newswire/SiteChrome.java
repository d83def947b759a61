package dev.lodestone.newswire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The weight of a real news page around its story: inline critical CSS, tag-manager, ad and consent scripts,
 * the app's hydration state (the story again, as JSON), a mega-menu, inline SVG icons, ad slots, sponsored
 * link grids, long comment threads and a footer of link columns. Real article pages weigh 25 KB to over 1 MB
 * (median about 115 KB over the extraction benchmark's 91 saved pages) and most of it is this, not the story;
 * pages of a few kilobytes would make parsing and extraction look several times cheaper than they are.
 *
 * <p>How much of each an article's page carries varies with the article, deterministically (seeded by its
 * slug), so that every fetch of a page returns the same bytes.
 */
final class SiteChrome {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<PageTemplate, String> CSS = new EnumMap<>(PageTemplate.class);
    private static final String MODULES = modules();
    private static final Map<String, String> ICONS = new ConcurrentHashMap<>();
    private static final String[] SUBSECTIONS = {"Latest", "Analysis", "Explainers", "Opinion", "Video",
            "Podcasts", "Data", "Interviews", "In pictures", "Letters", "Live", "Archive"};
    private static final String[] SPONSORS = {"Lantern Air", "Meridian Bank", "Northwind Tools", "Saltmarsh Homes",
            "Bluefin Insurance", "Cobalt Learning", "Tidewater Travel", "Orchard Health"};
    private static final String[] TEASERS = {
            "Ten things homeowners wish they had known before renovating the kitchen",
            "The simple habit doctors say adds years to your life",
            "Retirees are moving to this quiet coastal town in record numbers",
            "Why experts now say you should never rinse rice the old way",
            "This new savings account pays more than most people expect",
            "Travellers are skipping the capitals for these five regional cities",
            "The surprising reason your phone battery drains overnight",
            "Drivers over 50 are switching insurers after reading this"};
    private static final String[] COMMENTS = {
            "I have followed this story from the start and every new detail makes the official line harder to "
                    + "believe. Someone should ask the obvious question about who pays when it goes wrong.",
            "Thanks for the clear write-up. Would be good to have a timeline box next time, it is getting hard "
                    + "to remember which announcement came first and which was only a proposal.",
            "Not convinced. We were promised jobs and roads the last time as well, and the town still waits.",
            "The figures in the fourth paragraph do not match what the ministry published last week. Which is right?",
            "Excellent piece. Shared it with my students, who had plenty to say about it.",
            "Please stop auto-playing videos on this site, I read you on the train.",
            "As someone who worked in the sector for twenty years: the real story is in the contracts, not the "
                    + "speeches. Follow the money and the shipping schedules.",
            "Balanced and sober, for once. More like this, please."};

    static {
        for (PageTemplate template : PageTemplate.values()) {
            CSS.put(template, criticalCss(template));
        }
    }

    private SiteChrome() {}

    /** A generator of this article's variations; the same article always gets the same page. */
    static SplittableRandom variation(SampleArticle article) {
        return new SplittableRandom(article.outlet().hashCode() * 31L + article.slug().hashCode());
    }

    /** What a page's head carries besides its metadata: styles, font preloads and third-party scripts. */
    static void headExtras(StringBuilder html, Outlet outlet) {
        String assets = "/" + outlet.id() + "/assets/";
        html.append("<link rel=\"preconnect\" href=\"https://cdn.lantern-ads.example\">\n")
                .append("<link rel=\"preload\" as=\"font\" crossorigin href=\"").append(assets)
                .append("fonts/lantern-sans-400.woff2\">\n<link rel=\"preload\" as=\"font\" crossorigin href=\"")
                .append(assets).append("fonts/lantern-serif-700.woff2\">\n<style id=\"critical-css\">")
                .append(CSS.get(outlet.template())).append("</style>\n<script>window.dataLayer=window.dataLayer||[];")
                .append("function gtag(){dataLayer.push(arguments)}gtag(\"js\",new Date());gtag(\"config\",\"LT-")
                .append(Math.floorMod(outlet.id().hashCode(), 900_000) + 100_000)
                .append("\",{anonymize_ip:!0,send_page_view:!1,content_group:\"article\"});</script>\n")
                .append("<script>var consent=window.consent||{};consent.purposes=[\"storage\",\"ads\",\"measurement\",")
                .append("\"personalisation\",\"content\"];consent.vendors=[");
        for (int v = 1; v <= 60; v++) {
            html.append(v > 1 ? "," : "").append("{\"id\":").append(v * 7).append(",\"name\":\"Vendor ").append(v)
                    .append("\",\"purposes\":[1,").append(2 + v % 4).append("],\"legInt\":").append(v % 3 == 0)
                    .append('}');
        }
        html.append("];</script>\n<script async src=\"https://cdn.lantern-ads.example/tag/js/gpt.js\"></script>\n");
    }

    /** The site header's navigation: every section with its sub-pages, as a mega-menu, and the icons beside it. */
    static void megaMenu(StringBuilder html, Outlet outlet, SplittableRandom random) {
        html.append("<button class=\"menu-toggle\" aria-label=\"Menu\">").append(icon("menu", 3)).append("</button>\n")
                .append("<form class=\"site-search\" action=\"").append(outlet.homePath())
                .append("search\"><input type=\"search\" name=\"q\" placeholder=\"Search\"><button>")
                .append(icon("search", 4)).append("</button></form>\n<div class=\"mega-menu\" hidden>\n");
        for (String section : outlet.sections()) {
            String path = outlet.sectionPath(section);
            html.append("<div class=\"mega-menu__column\"><h3><a href=\"").append(Html.escape(path)).append("\">")
                    .append(Html.escape(section)).append("</a></h3><ul>");
            int links = 6 + random.nextInt(SUBSECTIONS.length - 5);
            for (int i = 0; i < links; i++) {
                html.append("<li><a href=\"").append(Html.escape(path)).append(Html.slug(SUBSECTIONS[i])).append("/\">")
                        .append(SUBSECTIONS[i]).append("</a></li>");
            }
            html.append("</ul></div>\n");
        }
        html.append("</div>\n<ul class=\"account-links\"><li><a href=\"").append(outlet.homePath())
                .append("subscribe/\">Subscribe</a></li><li><a href=\"").append(outlet.homePath())
                .append("login/\">Sign in</a></li></ul>\n");
    }

    /** An advertising slot as ad servers fill it: a container, a script that registers it, a fallback. */
    static void adSlot(StringBuilder html, String name, int width, int height) {
        html.append("<div class=\"ad ad-").append(name).append("\" id=\"ad-").append(name)
                .append("\" data-sizes=\"").append(width).append('x').append(height).append("\">")
                .append("<span class=\"ad-label\">Advertisement</span><script>googletag.cmd.push(function(){")
                .append("googletag.defineSlot(\"/2231/news/").append(name).append("\",[").append(width).append(',')
                .append(height).append("],\"ad-").append(name).append("\").addService(googletag.pubads());")
                .append("googletag.display(\"ad-").append(name).append("\")});</script><noscript><img src=\"")
                .append("https://cdn.lantern-ads.example/fallback/").append(name).append(".gif\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" alt=\"\"></noscript></div>\n");
    }

    /** The lead picture and the share bar at the top of a story. */
    static void storyMedia(StringBuilder html, Outlet outlet, SampleArticle article) {
        String image = "/" + outlet.id() + "/media/" + article.slug();
        html.append("<figure class=\"lead-image\"><img src=\"").append(image).append("-800.jpg\" srcset=\"");
        for (int w = 320; w <= 1920; w += 320) {
            html.append(w > 320 ? ", " : "").append(image).append('-').append(w).append(".jpg ").append(w).append('w');
        }
        html.append("\" sizes=\"(max-width: 768px) 100vw, 760px\" alt=\"\" loading=\"eager\" width=\"800\" ")
                .append("height=\"450\"><figcaption>Photograph: ").append(Html.escape(outlet.name()))
                .append(" archive</figcaption></figure>\n<ul class=\"share-bar\">");
        for (String network : List.of("facebook", "x", "whatsapp", "linkedin", "email")) {
            html.append("<li><a class=\"share share--").append(network).append("\" href=\"https://share.example/")
                    .append(network).append("?u=").append(Html.escape(article.slug())).append("\" rel=\"noopener\">")
                    .append(icon(network, 5)).append("</a></li>");
        }
        html.append("</ul>\n");
    }

    /** Sponsored links and other teasers below a story, as the recommendation widgets of real sites fill them. */
    static void sponsoredGrid(StringBuilder html, SplittableRandom random) {
        html.append("<section class=\"sponsored\"><h2>Around the web</h2>\n<div class=\"sponsored__grid\">\n");
        int cards = 6 + random.nextInt(7);
        for (int i = 0; i < cards; i++) {
            String sponsor = SPONSORS[random.nextInt(SPONSORS.length)];
            String teaser = TEASERS[random.nextInt(TEASERS.length)];
            html.append("<div class=\"card card--sponsored\"><a href=\"https://click.lantern-ads.example/c?i=")
                    .append(random.nextInt(1_000_000)).append("\" rel=\"sponsored noopener\"><img src=\"https://img.")
                    .append("lantern-ads.example/t/").append(random.nextInt(100_000))
                    .append(".jpg\" alt=\"\" loading=\"lazy\" width=\"300\" height=\"200\"><span class=\"card__title\">")
                    .append(teaser).append("</span><span class=\"card__sponsor\">").append(sponsor)
                    .append("</span></a></div>\n");
        }
        html.append("</div></section>\n");
    }

    /** A reader comment thread, with the controls and metadata each comment carries on a real site. */
    static void commentThread(StringBuilder html, SampleArticle article, SplittableRandom random) {
        int count = 2 + random.nextInt(40);
        html.append("<section class=\"comments\" id=\"comments\">\n<h2>Comments (").append(count).append(")</h2>\n")
                .append("<form class=\"comment-form\"><textarea name=\"comment\" placeholder=\"Join the discussion\">")
                .append("</textarea><button type=\"submit\">Post</button></form>\n");
        for (int i = 0; i < count; i++) {
            int id = random.nextInt(10_000_000);
            html.append("<div class=\"comment").append(i % 4 == 3 ? " comment--reply" : "").append("\" id=\"c")
                    .append(id).append("\"><img class=\"avatar\" src=\"/avatars/").append(id % 997)
                    .append(".png\" alt=\"\" width=\"32\" height=\"32\"><p class=\"comment-author\">")
                    .append(i % 2 == 0 ? "Reader " : "user_").append(id % 10_000)
                    .append("</p><time class=\"comment-time\" datetime=\"")
                    .append(article.publishedAt().plusSeconds(600L * (i + 1))).append("\">")
                    .append(10 * (i + 1)).append(" minutes after publication</time><p class=\"comment-text\">")
                    .append(COMMENTS[random.nextInt(COMMENTS.length)]).append("</p><div class=\"comment-actions\">")
                    .append("<button class=\"like\">").append(icon("like", 2)).append(' ').append(random.nextInt(200))
                    .append("</button><button class=\"reply\">Reply</button><button class=\"report\">Report</button>")
                    .append("</div></div>\n");
        }
        html.append("</section>\n");
    }

    /** The footer's link columns and social icons, before the page's own footer lines. */
    static void footerColumns(StringBuilder html, Outlet outlet) {
        html.append("<div class=\"footer-columns\">\n");
        List<String> columns = List.of("News", "Business", "Opinion", "Culture", "Services", "About");
        for (int c = 0; c < columns.size(); c++) {
            html.append("<div class=\"footer-column\"><h4>").append(columns.get(c)).append("</h4><ul>");
            for (int i = 0; i < 10; i++) {
                String label = SUBSECTIONS[(c + i) % SUBSECTIONS.length];
                html.append("<li><a href=\"").append(outlet.homePath()).append(Html.slug(columns.get(c))).append('/')
                        .append(Html.slug(label)).append("/\">").append(label).append("</a></li>");
            }
            html.append("</ul></div>\n");
        }
        html.append("</div>\n<ul class=\"social\">");
        for (String network : List.of("facebook", "x", "instagram", "youtube", "rss")) {
            html.append("<li><a href=\"https://social.example/").append(network).append('/').append(outlet.id())
                    .append("\" aria-label=\"").append(network).append("\">").append(icon(network, 6)).append("</a></li>");
        }
        html.append("</ul>\n");
    }

    /**
     * The scripts at the end of the body: the app's hydration state, which repeats the story and the page's
     * lists as JSON as server-rendered sites do, and the inline module bootstrap.
     */
    static void bodyScripts(StringBuilder html, Outlet outlet, SampleArticle article, List<SampleArticle> others) {
        ObjectNode state = JSON.createObjectNode();
        ObjectNode page = state.putObject("page").put("type", "article").put("outlet", outlet.id());
        ObjectNode story = page.putObject("article").put("headline", article.title()).put("byline", article.author())
                .put("section", article.section()).put("published", article.publishedAt().toString())
                .put("words", article.wordCount());
        ArrayNode blocks = story.putArray("blocks");
        article.paragraphs().forEach(p -> blocks.addObject().put("type", "paragraph").put("text", p));
        ArrayNode related = page.putArray("related");
        others.stream().limit(12).forEach(a -> related.addObject().put("headline", a.title()).put("path", a.path())
                .put("section", a.section()).put("standfirst", Html.abbreviate(a.lead(), 200)));
        ArrayNode navigation = state.putArray("navigation");
        outlet.sections().forEach(s -> {
            ArrayNode links = navigation.addObject().put("label", s).put("path", outlet.sectionPath(s)).putArray("links");
            for (String sub : SUBSECTIONS) {
                links.addObject().put("label", sub).put("path", outlet.sectionPath(s) + Html.slug(sub) + "/");
            }
        });
        ObjectNode flags = state.putObject("features");
        for (int i = 0; i < 40; i++) {
            flags.put("exp_" + Integer.toString(i * 7919, 36), i % 3 != 0);
        }
        try {
            // A "<" in the text could end the script element early; JSON may spell it as an escape.
            html.append("<script id=\"__APP_STATE__\" type=\"application/json\">")
                    .append(JSON.writeValueAsString(state).replace("<", "\\u003c")).append("</script>\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the page state of " + article.slug(), e);
        }
        html.append("<script>").append(MODULES).append("</script>\n<script defer src=\"/").append(outlet.id())
                .append("/assets/app.js\"></script>\n<script defer src=\"https://cdn.lantern-ads.example/")
                .append("recommend/widget.js\"></script>\n");
    }

    /** An inline SVG icon; {@code detail} sets how many path segments it draws, as icon sets vary. */
    private static String icon(String name, int detail) {
        return ICONS.computeIfAbsent(name + "/" + detail, key -> drawIcon(name, detail));
    }

    private static String drawIcon(String name, int detail) {
        var svg = new StringBuilder(600).append("<svg class=\"icon icon-").append(name)
                .append("\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" aria-hidden=\"true\"><path d=\"M12 2");
        int seed = name.hashCode();
        for (int i = 0; i < detail * 8; i++) {
            seed = seed * 1_103_515_245 + 12_345;
            int x = Math.floorMod(seed >> 8, 2400);
            int y = Math.floorMod(seed >> 4, 2400);
            svg.append(i % 3 == 0 ? "C" : i % 3 == 1 ? "L" : "S").append(x / 100).append('.').append(x % 100)
                    .append(' ').append(y / 100).append('.').append(y % 100);
        }
        return svg.append("z\"/></svg>").toString();
    }

    private static String criticalCss(PageTemplate template) {
        String prefix = template.bodyClass();
        String[] blocks = {"header", "nav", "menu", "story", "meta", "figure", "share", "card", "aside", "comment",
                "footer", "ad", "button", "grid", "form"};
        String[] elements = {"", "__inner", "__title", "__link", "__icon", "__text"};
        var css = new StringBuilder(16_384).append(":root{--ink:#1a1a1a;--paper:#fff;--accent:#b3001b;--rule:#ddd}")
                .append("*,*::before,*::after{box-sizing:border-box}body{margin:0;font:16px/1.5 \"Lantern Serif\",")
                .append("Georgia,serif;color:var(--ink);background:var(--paper)}");
        int rule = 0;
        for (String block : blocks) {
            for (String element : elements) {
                rule++;
                css.append('.').append(prefix).append(' ').append('.').append(block).append(element)
                        .append("{display:").append(rule % 3 == 0 ? "grid" : "flex").append(";margin:0 0 ")
                        .append(rule % 24).append("px;padding:").append(rule % 16).append("px ").append(rule % 12)
                        .append("px;color:#").append(String.format("%06x", (rule * 2_654_435) & 0xffffff))
                        .append(";font:400 ").append(12 + rule % 8).append("px/1.").append(4 + rule % 3)
                        .append(" \"Lantern Sans\",Arial,sans-serif}@media (min-width:").append(600 + rule % 4 * 240)
                        .append("px){.").append(prefix).append(" .").append(block).append(element)
                        .append("{gap:").append(rule % 20).append("px}}");
            }
        }
        return css.toString();
    }

    private static String modules() {
        var js = new StringBuilder(12_288).append("(function(w){var m=w.__modules=w.__modules||{};");
        for (int i = 0; i < 60; i++) {
            js.append("m[\"m").append(i).append("\"]=function(e,t,n){\"use strict\";var r=n(").append(i % 7)
                    .append(");t.init=function(o){return r.mount(o,{id:\"m").append(i).append("\",lazy:!0,threshold:.")
                    .append(i % 9).append("})};t.teardown=function(){r&&r.unmount&&r.unmount()}};");
        }
        return js.append("w.__boot&&w.__boot(m)})(window);").toString();
    }
}
