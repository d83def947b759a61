package dev.lodestone.analyze.story;

import dev.lodestone.analyze.story.StoryEvaluation.LabelledArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;

/** The bundled labelled set, src/test/resources/story/labelled-stories.txt, which the tests quote by id. */
final class LabelledSet {
    static final List<LabelledArticle> ARTICLES = StoryEvaluation.parse(read());

    private LabelledSet() {}

    static String body(String articleId) {
        return ARTICLES.stream().filter(a -> a.articleId().equals(articleId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(articleId)).body();
    }

    private static String read() {
        try (InputStream in = LabelledSet.class.getResourceAsStream("/story/labelled-stories.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
