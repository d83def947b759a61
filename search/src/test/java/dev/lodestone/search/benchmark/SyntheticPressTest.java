package dev.lodestone.search.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.Mention;
import dev.lodestone.core.Quote;
import dev.lodestone.core.TaggedArticle;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SyntheticPressTest {
    private final SyntheticPress press = new SyntheticPress(7);

    @Test
    void theSameSeedAndNumberGiveTheSameArticle() {
        assertEquals(press.article(1234), new SyntheticPress(7).article(1234));
        assertNotEquals(press.article(1234), new SyntheticPress(8).article(1234));
    }

    @Test
    void everyMentionAndQuotePointsAtItsTextInTheArticle() {
        LongStream.range(0, 300).mapToObj(press::article).forEach(tagged -> {
            for (Mention mention : tagged.mentions()) {
                assertEquals(mention.surface(), field(tagged, mention.field()).substring(mention.start(), mention.end()));
            }
            for (Quote quote : tagged.quotes()) {
                assertEquals(quote.text(), field(tagged, quote.field()).substring(quote.start(), quote.end()));
            }
        });
    }

    @Test
    void someArticlesAreCopiesOfAnEarlierStoryFromAnotherOutlet() {
        long copies = LongStream.range(0, 1000).mapToObj(press::article)
                .filter(tagged -> !tagged.storyId().equals("story-" + tagged.article().url().split("/")[4]))
                .count();

        assertTrue(copies > 200 && copies < 450, copies + " copies in 1000");
    }

    private static String field(TaggedArticle tagged, String field) {
        return field.equals(Mention.TITLE) ? tagged.article().title() : tagged.article().body();
    }
}
