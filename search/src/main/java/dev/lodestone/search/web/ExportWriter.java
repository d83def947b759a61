package dev.lodestone.search.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lodestone.core.Json;
import dev.lodestone.search.query.Hit;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes exported articles one at a time as they are found, so an export of any size never sits in
 * memory. CSV cells are quoted as RFC 4180 asks, and cells that a spreadsheet would run as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @}) get a leading apostrophe: the titles come from the web.
 */
abstract class ExportWriter implements AutoCloseable {
    static final List<String> COLUMNS = List.of("id", "publishedAt", "source", "title", "url", "entities", "storyId");

    abstract void write(Hit hit) throws IOException;

    @Override
    public abstract void close() throws IOException;

    static ExportWriter csv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(String.join(",", COLUMNS) + "\r\n");
        return new ExportWriter() {
            @Override
            void write(Hit hit) throws IOException {
                List<String> cells = List.of(hit.id(), hit.publishedAt() == null ? "" : hit.publishedAt().toString(),
                        nullToEmpty(hit.source()), nullToEmpty(hit.title()), nullToEmpty(hit.url()),
                        String.join(";", hit.entities()), nullToEmpty(hit.storyId()));
                StringBuilder line = new StringBuilder();
                for (String cell : cells) {
                    if (!line.isEmpty()) {
                        line.append(',');
                    }
                    line.append(cell(cell));
                }
                writer.write(line.append("\r\n").toString());
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
    }

    static ExportWriter json(OutputStream out) throws IOException {
        JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out);
        generator.writeStartArray();
        return new ExportWriter() {
            @Override
            void write(Hit hit) throws IOException {
                generator.writeStartObject();
                generator.writeStringField("id", hit.id());
                generator.writeStringField("publishedAt", hit.publishedAt() == null ? null : hit.publishedAt().toString());
                generator.writeStringField("source", hit.source());
                generator.writeStringField("title", hit.title());
                generator.writeStringField("url", hit.url());
                generator.writeArrayFieldStart("entities");
                for (String entity : hit.entities()) {
                    generator.writeString(entity);
                }
                generator.writeEndArray();
                generator.writeStringField("storyId", hit.storyId());
                generator.writeEndObject();
            }

            @Override
            public void close() throws IOException {
                generator.writeEndArray();
                generator.close();
            }
        };
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
