package dev.lodestone.analyze.story;

import dev.lodestone.analyze.story.StoryEvaluation.LabelledArticle;
import java.util.List;
import java.util.NoSuchElementException;

/** The bundled labelled set, src/main/resources/story/labelled-stories.txt, which the tests quote by id. */
final class LabelledSet {
    static final List<LabelledArticle> ARTICLES = StoryEvaluation.bundled();

    private LabelledSet() {}

    static String body(String articleId) {
        return ARTICLES.stream().filter(a -> a.articleId().equals(articleId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(articleId)).body();
    }
}
