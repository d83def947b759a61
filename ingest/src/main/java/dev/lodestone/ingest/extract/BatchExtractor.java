package dev.lodestone.ingest.extract;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lodestone.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Extracts every saved page in a directory ({@code *.html}, {@code *.html.gz}) into one JSON object, the
 * format article-extraction benchmarks read: file name without its extension mapped to
 * {@code {"articleBody","title","byline","publishedAt","language","canonicalUrl"}}. Entries are streamed
 * as each page is done, so memory holds one page at a time; a page that cannot be read or is larger than
 * {@link #MAX_PAGE_BYTES} once unzipped gets {@code {"error": "..."}} and the rest go on.
 */
public final class BatchExtractor {
    /** Larger than any real article page; a gzip bomb stops here. */
    public static final int MAX_PAGE_BYTES = 32 * 1024 * 1024;

    private BatchExtractor() {}

    /** How a batch went. */
    public record Summary(int pages, int errors) {}

    /** Writes the JSON object for every page in {@code htmlDir}, in file-name order, to {@code out} (left open). */
    public static Summary extract(Path htmlDir, OutputStream out) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(htmlDir, "*.{html,html.gz}")) {
            listing.forEach(files::add);
        }
        files.sort(null);
        int errors = 0;
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            for (Path file : files) {
                json.writeFieldName(key(file));
                try {
                    write(ArticleExtractor.extract(read(file), null, file.toUri()), json);
                } catch (IOException | RuntimeException unreadable) {
                    errors++;
                    json.writeStartObject();
                    json.writeStringField("error", unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage());
                    json.writeEndObject();
                }
                json.flush();
            }
            json.writeEndObject();
        }
        return new Summary(files.size(), errors);
    }

    /** One page's entry, as {@link #extract(Path, OutputStream)} writes it; for printing a single page. */
    public static void write(ExtractedArticle article, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("articleBody", article.body());
        json.writeStringField("title", article.title());
        json.writeStringField("byline", article.byline());
        json.writeStringField("publishedAt", article.publishedAt() == null ? null : article.publishedAt().toString());
        json.writeStringField("language", article.language());
        json.writeStringField("canonicalUrl", article.canonicalUrl() == null ? null : article.canonicalUrl().toString());
        json.writeEndObject();
    }

    /** A saved page's bytes, unzipped; refused beyond {@link #MAX_PAGE_BYTES}. */
    public static byte[] read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            byte[] page = in.readNBytes(MAX_PAGE_BYTES + 1);
            if (page.length > MAX_PAGE_BYTES) {
                throw new IOException("page larger than " + MAX_PAGE_BYTES + " bytes");
            }
            return page;
        }
    }

    private static String key(Path file) {
        return file.getFileName().toString().replaceFirst("\\.html(\\.gz)?$", "");
    }
}
