package dev.lodestone.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TagCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyReadableLineIsTaggedAndAnUnreadableOneIsReportedByNumber() throws Exception {
        Path in = Files.write(dir.resolve("in.jsonl"), List.of(
                "{\"id\":\"a\",\"title\":\"FWO signs MoU\",\"text\":\"Antimony will go to US Strategic Metals.\"}",
                "{broken",
                "{\"id\":\"c\",\"title\":\"Weather\",\"text\":\"Rain in Lahore.\"}"));
        Path out = dir.resolve("out.jsonl");
        StringWriter err = new StringWriter();
        CommandLine cli = Lodestone.commandLine();
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("tag", "--in", in.toString(), "--out", out.toString());

        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertEquals("a", first.get("id").asText());
        assertTrue(first.get("entities").toString().contains("frontier-works-organisation"), first.toString());
        JsonNode mention = first.get("mentions").get(0);
        assertEquals("title", mention.get("field").asText());
        assertEquals(0, mention.get("start").asInt());
        assertEquals(3, mention.get("end").asInt());
        assertEquals("c", Json.MAPPER.readTree(lines.get(1)).get("id").asText());
        assertEquals(1, code);
        assertTrue(err.toString().startsWith("lodestone tag: line 2:"), err.toString());
    }
}
