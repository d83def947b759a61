package dev.lodestone.search.query;

import static dev.lodestone.search.StoryArticles.FIRST_SHIPMENT;
import static dev.lodestone.search.StoryArticles.MOU_SIGNED;
import static dev.lodestone.search.StoryArticles.PTI_OBJECTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.StoryArticles;
import dev.lodestone.search.TestIndex;
import dev.lodestone.search.index.ArticleIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One article, one story, articles like one, and the whole result set. */
class ArticleViewsTest {
    private static final TaggedArticle SHIPMENT_COPY = StoryArticles.copy(FIRST_SHIPMENT, "tribune.com.pk", 30);

    @TempDir
    Path dir;

    private ArticleIndex index;

    @AfterEach
    void closeIndex() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    @Test
    void anArticleComesBackAsItWasTaggedWithFullTextMentionsAndQuotes() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        TaggedArticle article = index.withSearcher(view -> new ArticleSearcher(view).article(MOU_SIGNED.id())).orElseThrow();

        assertEquals(MOU_SIGNED, article);
        assertEquals("Stacy W. Hastie", article.article().body().substring(
                article.mentions().get(2).start(), article.mentions().get(2).end()));
        assertEquals("stacy-hastie", article.quotes().get(0).entity());
    }

    @Test
    void anUnknownArticleIsEmpty() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        assertEquals(Optional.empty(), index.withSearcher(view -> new ArticleSearcher(view).article("no-such-id")));
    }

    @Test
    void aStoryListsItsCopiesAndOutletsFirstPublishedFirst() throws IOException {
        index = TestIndex.of(dir, List.of(SHIPMENT_COPY, FIRST_SHIPMENT, MOU_SIGNED));

        Story story = index.withSearcher(view -> new ArticleSearcher(view).story(FIRST_SHIPMENT.storyId())).orElseThrow();

        assertEquals(List.of("reuters.com", "tribune.com.pk"), story.outlets());
        assertEquals(List.of(FIRST_SHIPMENT.id(), SHIPMENT_COPY.id()), story.articles().stream().map(Hit::id).toList());
    }

    @Test
    void moreLikeThisFindsArticlesSharingItsWordsButNotCopiesOfItsStory() throws IOException {
        TaggedArticle similar = StoryArticles.tagged("https://a.example/antimony",
                "Critical minerals shipment to the United States",
                "Pakistan dispatched a second consignment of critical minerals, antimony, neodymium and "
                        + "praseodymium, to the United States from Karachi.");
        index = TestIndex.of(dir, List.of(FIRST_SHIPMENT, SHIPMENT_COPY, similar, PTI_OBJECTS));

        List<Hit> like = index.withSearcher(view -> new ArticleSearcher(view).moreLikeThis(FIRST_SHIPMENT.id(), 5));

        assertEquals(similar.id(), like.get(0).id());
        assertTrue(like.stream().noneMatch(hit -> hit.storyId().equals(FIRST_SHIPMENT.storyId())), like.toString());
    }

    @Test
    void anExportHandsOverEveryMatchUncollapsedInOrder() throws IOException {
        index = TestIndex.of(dir, List.of(SHIPMENT_COPY, FIRST_SHIPMENT, MOU_SIGNED, PTI_OBJECTS));
        List<String> exported = new ArrayList<>();

        index.withSearcher(view -> {
            new ArticleSearcher(view).export(SearchRequest.of("antimony", 1), hit -> exported.add(hit.id()));
            return null;
        });

        assertEquals(List.of(SHIPMENT_COPY.id(), FIRST_SHIPMENT.id(), MOU_SIGNED.id()).stream().sorted().toList(),
                exported.stream().sorted().toList());
    }
}
