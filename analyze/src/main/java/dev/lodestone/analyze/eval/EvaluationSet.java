package dev.lodestone.analyze.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lodestone.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads labelled texts from JSON Lines, one {@code {"id","title","text","entities","about","note"}} object a
 * line. A broken line is refused with its line number rather than skipped, because a silently shorter set
 * would flatter the numbers.
 */
public final class EvaluationSet {
    /** Class-path location of the set bundled with Lodestone: coverage of the deal, near-misses and unrelated news. */
    public static final String BUNDLED = "/eval/mentions.jsonl";

    private EvaluationSet() {}

    public static List<LabelledText> bundled() {
        try (InputStream in = EvaluationSet.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled evaluation set " + BUNDLED + " is missing from the class path");
            }
            return parse(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    public static List<LabelledText> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evaluation set " + file, e);
        }
    }

    /**
     * The texts in {@code in}; blank lines are allowed. {@code name} is used in error messages.
     *
     * @throws IllegalArgumentException naming the line of a malformed object, a missing id or a repeated id
     */
    public static List<LabelledText> parse(InputStream in, String name) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<LabelledText> texts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            LabelledText text = read(line, name, number);
            if (!ids.add(text.id())) {
                throw new IllegalArgumentException(name + " line " + number + ": id '" + text.id() + "' is used twice");
            }
            texts.add(text);
        }
        return List.copyOf(texts);
    }

    private static LabelledText read(String line, String name, int number) {
        try {
            return Json.MAPPER.readValue(line, LabelledText.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + " line " + number + ": " + e.getOriginalMessage(), e);
        }
    }
}
