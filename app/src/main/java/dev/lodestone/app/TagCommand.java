package dev.lodestone.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.analyze.ArticleAnalyzer;
import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.analyze.watchlist.WatchlistLoader;
import dev.lodestone.core.Article;
import dev.lodestone.core.Json;
import dev.lodestone.core.Mention;
import dev.lodestone.core.Quote;
import dev.lodestone.core.TaggedArticle;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lodestone tag}: the analyze stage alone, over JSON lines, for checking and scripting. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Tag texts with the watch-list's entities, quotes and deal relevance.",
                "Reads JSON lines {\"id\",\"title\",\"text\"}; writes one line per input:",
                "{\"id\",\"entities\",\"mentions\":[{\"entity\",\"surface\",\"field\",\"start\",\"end\"}],"
                        + "\"relevance\",\"about\",\"reasons\",\"quotes\"}.",
                "A line that cannot be read is reported on stderr with its number; the others are still tagged."})
final class TagCommand implements Callable<Integer> {
    @Option(names = "--in", paramLabel = "FILE", description = "JSON lines to read. Default: standard input.")
    Path in;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write. Default: standard output.")
    Path out;

    @Option(names = "--watchlist", paramLabel = "FILE", description = "Watch-list file. Default: the bundled one.")
    Path watchlist;

    @Spec
    CommandSpec spec;

    /** One output line. */
    record Tagged(String id, List<String> entities, List<Mention> mentions, double relevance, boolean about,
                  List<String> reasons, List<Quote> quotes) {}

    @Override
    public Integer call() throws IOException {
        Watchlist list = watchlist == null ? WatchlistLoader.bundled() : WatchlistLoader.load(watchlist);
        ArticleAnalyzer analyzer = new ArticleAnalyzer(list, Clock.systemUTC());
        int failed = 0;
        try (BufferedReader reader = new BufferedReader(input());
             Writer writer = output()) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    writer.write(Json.toString(tag(analyzer, Json.MAPPER.readTree(line))));
                    writer.write('\n');
                } catch (IOException | IllegalArgumentException e) {
                    failed++;
                    spec.commandLine().getErr().println("lodestone tag: line " + number + ": " + firstLine(e.getMessage()));
                }
            }
        }
        spec.commandLine().getErr().flush();
        return failed == 0 ? 0 : 1;
    }

    private static Tagged tag(ArticleAnalyzer analyzer, JsonNode input) {
        if (!input.isObject() || !input.hasNonNull("id")) {
            throw new IllegalArgumentException("expected an object with an \"id\"");
        }
        String id = input.get("id").asText();
        Article article = new Article(Article.SCHEMA, id, "urn:lodestone:tag:" + id, null, null,
                input.path("title").asText(""), null, input.path("text").asText(""), null, null, null, null, 1, null);
        TaggedArticle tagged = analyzer.analyze(article);
        return new Tagged(id, tagged.entities(), tagged.mentions(), tagged.relevance(), tagged.about(), tagged.reasons(),
                tagged.quotes());
    }

    private Reader input() throws IOException {
        return in == null ? new InputStreamReader(System.in, StandardCharsets.UTF_8) : Files.newBufferedReader(in);
    }

    private Writer output() throws IOException {
        return out == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(out);
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
