package dev.lodestone.app;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lodestone.core.Json;
import dev.lodestone.ingest.IngestSettings;
import dev.lodestone.ingest.extract.ArticleExtractor;
import dev.lodestone.ingest.extract.BatchExtractor;
import dev.lodestone.ingest.extract.ExtractedArticle;
import dev.lodestone.ingest.fetch.AddressGuard;
import dev.lodestone.ingest.fetch.FetchException;
import dev.lodestone.ingest.fetch.FetchResponse;
import dev.lodestone.ingest.fetch.HttpFetcher;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lodestone extract}: article extraction alone, on saved pages or one URL. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract articles as ingest would.",
                "With --html-dir: read every *.html and *.html.gz in DIR and write one JSON object mapping each file's",
                "name (without .html/.html.gz) to {\"articleBody\",\"title\",\"byline\",\"publishedAt\",\"language\",\"canonicalUrl\"}.",
                "With PATH or URL: print that page's result."})
final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH|URL", arity = "0..1", description = "A saved page, or an http(s) URL to fetch.")
    String page;

    @Option(names = "--html-dir", paramLabel = "DIR", description = "A folder of saved pages.")
    Path htmlDir;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write. Default: standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((htmlDir == null) == (page == null)) {
            throw new ParameterException(spec.commandLine(), "give either --html-dir DIR or one PATH|URL");
        }
        try (OutputStream output = out == null ? new NonClosing(System.out) : Files.newOutputStream(out)) {
            if (htmlDir != null) {
                BatchExtractor.Summary summary = BatchExtractor.extract(htmlDir, output);
                spec.commandLine().getErr().printf("Extracted %d pages (%d errors)%n", summary.pages(), summary.errors());
            } else {
                try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(output)) {
                    json.useDefaultPrettyPrinter();
                    BatchExtractor.write(extractOne(page), json);
                }
                output.write('\n');
            }
        }
        return 0;
    }

    private static ExtractedArticle extractOne(String page) throws FetchException, IOException, InterruptedException {
        if (page.startsWith("http://") || page.startsWith("https://")) {
            IngestSettings settings = IngestSettings.defaults(List.of());
            HttpFetcher fetcher = new HttpFetcher(new AddressGuard(false), settings.userAgent(), settings.connectTimeout(),
                    settings.requestTimeout(), settings.maxBodyBytes(), settings.politeness());
            URI url = URI.create(page);
            FetchResponse response = fetcher.fetch(url);
            return ArticleExtractor.extract(response.body(), response.charset().orElse(null), response.url());
        }
        Path file = Path.of(page);
        return ArticleExtractor.extract(BatchExtractor.read(file), null, file.toAbsolutePath().toUri());
    }

    /** Standard output stays open after the command. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
