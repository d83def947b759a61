package dev.lodestone.newswire;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/** The newswire's front page (outlets and their feeds) and each outlet's home page (its published articles). */
final class IndexPages {
    private IndexPages() {}

    static String newswire(List<Outlet> outlets, Function<Outlet, URI> baseUrlOf) {
        var html = start("Lodestone demo newswire");
        html.append("<h1>Lodestone demo newswire</h1>\n<p>").append(Html.escape(ArticlePage.SAMPLE_NOTE))
                .append("</p>\n<ul class=\"outlets\">\n");
        for (Outlet outlet : outlets) {
            String feed = Feeds.absolute(baseUrlOf.apply(outlet), outlet.feedPath());
            html.append("<li><a href=\"").append(outlet.homePath()).append("\">").append(Html.escape(outlet.name()))
                    .append("</a> — ").append(outlet.feed()).append(" feed: <a class=\"feed\" href=\"")
                    .append(Html.escape(feed)).append("\">").append(Html.escape(feed)).append("</a></li>\n");
        }
        return html.append("</ul>\n</body>\n</html>\n").toString();
    }

    static String outletHome(Outlet outlet, List<SampleArticle> newestFirst) {
        var html = start(outlet.name());
        html.append("<h1>").append(Html.escape(outlet.name())).append("</h1>\n<p class=\"tagline\">")
                .append(Html.escape(outlet.tagline())).append("</p>\n<ul class=\"latest\">\n");
        for (SampleArticle a : newestFirst) {
            html.append("<li><a href=\"").append(Html.escape(a.path())).append("\">").append(Html.escape(a.title()))
                    .append("</a> <time datetime=\"").append(a.publishedAt()).append("\">")
                    .append(a.publishedAt()).append("</time></li>\n");
        }
        return html.append("</ul>\n<p class=\"sample-note\">").append(Html.escape(ArticlePage.SAMPLE_NOTE))
                .append("</p>\n</body>\n</html>\n").toString();
    }

    private static StringBuilder start(String title) {
        return new StringBuilder(4096).append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n</head>\n<body>\n");
    }
}
