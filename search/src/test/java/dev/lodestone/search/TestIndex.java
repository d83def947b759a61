package dev.lodestone.search;

import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.index.ArticleIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A real on-disk index holding given articles, searchable at once. */
public final class TestIndex {
    private TestIndex() {}

    public static ArticleIndex of(Path dir, List<TaggedArticle> articles) throws IOException {
        ArticleIndex index = ArticleIndex.open(dir);
        for (TaggedArticle article : articles) {
            index.upsert(article);
        }
        index.refresh();
        return index;
    }
}
