package dev.lodestone.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchExtractorTest {
    private static final String PAGE = """
            <html lang="en"><head><title>FWO signs MoU with USSM | Frontier Herald</title></head>
            <body><article><p>The Frontier Works Organisation signed a $500 million memorandum.</p></article></body></html>""";

    @TempDir
    Path dir;

    private JsonNode batch() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchExtractor.extract(dir, out);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    @Test
    void everyHtmlAndGzippedHtmlFileIsAnEntryNamedWithoutItsExtension() throws IOException {
        Files.writeString(dir.resolve("plain.html"), PAGE);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("zipped.html.gz")))) {
            gz.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("notes.txt"), "not a page");
        JsonNode batch = batch();
        assertEquals(2, batch.size());
        for (String key : new String[] {"plain", "zipped"}) {
            assertEquals("The Frontier Works Organisation signed a $500 million memorandum.", batch.path(key).path("articleBody").asText());
            assertEquals("FWO signs MoU with USSM", batch.path(key).path("title").asText());
            assertEquals("en", batch.path(key).path("language").asText());
        }
    }

    @Test
    void aBrokenFileGetsAnErrorEntryAndTheOthersGoOn() throws IOException {
        Files.writeString(dir.resolve("a-broken.html.gz"), "not gzip at all");
        Files.writeString(dir.resolve("b-fine.html"), PAGE);
        JsonNode batch = batch();
        assertTrue(batch.path("a-broken").path("error").asText().contains("ZipException"));
        assertEquals("FWO signs MoU with USSM", batch.path("b-fine").path("title").asText());
    }

    @Test
    void theSummaryCountsPagesAndErrors() throws IOException {
        Files.writeString(dir.resolve("a-broken.html.gz"), "not gzip at all");
        Files.writeString(dir.resolve("b-fine.html"), PAGE);
        assertEquals(new BatchExtractor.Summary(2, 1), BatchExtractor.extract(dir, OutputStream.nullOutputStream()));
    }
}
