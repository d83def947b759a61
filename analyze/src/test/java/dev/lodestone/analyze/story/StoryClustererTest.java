package dev.lodestone.analyze.story;

import static dev.lodestone.analyze.story.LabelledSet.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.analyze.story.StoryEvaluation.LabelledArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoryClustererTest {
    private static final Instant T0 = Instant.parse("2025-09-08T10:00:00Z");

    private final StoryClusterer clusterer = new StoryClusterer(StoryClusterer.Settings.DEFAULT);

    private StoryAssignment assign(String articleId) {
        return clusterer.assign(articleId, body(articleId), T0);
    }

    @Test
    void wireCopiesWithTheirOwnHeadersFootersAndEditsShareTheFirstCopysStory() {
        StoryAssignment wire = assign("mou-signing-wire");
        StoryAssignment dawn = assign("mou-signing-dawnish");
        StoryAssignment usDaily = assign("mou-signing-usdaily");

        assertEquals("mou-signing-wire", wire.storyId());
        assertTrue(wire.firstInStory());
        assertEquals("mou-signing-wire", dawn.storyId());
        assertEquals("mou-signing-wire", usDaily.storyId());
        assertFalse(dawn.firstInStory());
        assertFalse(usDaily.firstInStory());
    }

    @Test
    void aCopyCutAfterThreeParagraphsJoinsTheFullStory() {
        assign("mou-signing-dawnish");

        assertEquals("mou-signing-dawnish", assign("mou-signing-brief").storyId());
    }

    @Test
    void theFullStoryJoinsATruncatedCopySeenBeforeIt() {
        assign("pasni-port-short");

        assertEquals("pasni-port-short", assign("pasni-port-thenews").storyId());
    }

    @Test
    void aDifferentReportOnTheSameSigningIsANewStory() {
        assign("mou-signing-wire");

        StoryAssignment ownReport = assign("nm-signing-own-report");

        assertEquals("nm-signing-own-report", ownReport.storyId());
        assertTrue(ownReport.firstInStory());
    }

    @Test
    void chineseCopiesShareAStoryAndADifferentChineseReportDoesNot() {
        assign("zh-rare-earth-pakistan-agency");

        assertEquals("zh-rare-earth-pakistan-agency", assign("zh-rare-earth-pakistan-portal").storyId());
        assertEquals("nm-zh-rare-earth-analysis", assign("nm-zh-rare-earth-analysis").storyId());
    }

    @Test
    void aRedeliveredCopyKeepsItsStoryAndIsNotFirst() {
        assign("first-shipment-wire");
        assign("first-shipment-tribune");

        StoryAssignment again = assign("first-shipment-tribune");

        assertEquals("first-shipment-wire", again.storyId());
        assertFalse(again.firstInStory());
    }

    @Test
    void aRedeliveredFirstCopyIsStillFirst() {
        assign("first-shipment-wire");
        assign("first-shipment-tribune");

        StoryAssignment again = assign("first-shipment-wire");

        assertEquals("first-shipment-wire", again.storyId());
        assertTrue(again.firstInStory());
    }

    @Test
    void aRevisionWithADifferentBodyKeepsTheStoryOfItsUrl() {
        assign("first-shipment-wire");
        assign("first-shipment-tribune");

        StoryAssignment revised = clusterer.assign("first-shipment-tribune", body("nm-shipment-ministry"), T0);

        assertEquals("first-shipment-wire", revised.storyId());
    }

    @Test
    void aCopySeenAfterTheWindowStartsANewStory() {
        StoryClusterer weekly = new StoryClusterer(new StoryClusterer.Settings(Duration.ofDays(7), 1_000));
        weekly.assign("china-reaction-wire", body("china-reaction-wire"), T0);

        StoryAssignment late = weekly.assign("china-reaction-scmp", body("china-reaction-scmp"),
                T0.plus(Duration.ofDays(8)));

        assertEquals("china-reaction-scmp", late.storyId());
        assertTrue(late.firstInStory());
        assertEquals(1, weekly.size());
    }

    @Test
    void aCopySeenWithinTheWindowJoinsItsStory() {
        StoryClusterer weekly = new StoryClusterer(new StoryClusterer.Settings(Duration.ofDays(7), 1_000));
        weekly.assign("china-reaction-wire", body("china-reaction-wire"), T0);

        StoryAssignment later = weekly.assign("china-reaction-scmp", body("china-reaction-scmp"),
                T0.plus(Duration.ofDays(6)));

        assertEquals("china-reaction-wire", later.storyId());
    }

    @Test
    void beyondTheCapTheOldestArticleIsForgotten() {
        StoryClusterer small = new StoryClusterer(new StoryClusterer.Settings(Duration.ofDays(14), 2));
        small.assign("india-watches-wire", body("india-watches-wire"), T0);
        small.assign("nm-quad-statement", body("nm-quad-statement"), T0);
        small.assign("nm-imf-review", body("nm-imf-review"), T0);

        StoryAssignment copy = small.assign("india-watches-hindustan", body("india-watches-hindustan"), T0);

        assertEquals("india-watches-hindustan", copy.storyId());
        assertEquals(2, small.size());
    }

    @Test
    void textsUnderTwentyWordsAreEachTheirOwnStory() {
        String stub = "Subscribe to read the full story on the minerals deal.";

        assertTrue(clusterer.assign("stub-1", stub, T0).firstInStory());
        assertTrue(clusterer.assign("stub-2", stub, T0).firstInStory());
        assertTrue(clusterer.assign("empty-1", "", T0).firstInStory());
        assertTrue(clusterer.assign("empty-2", "", T0).firstInStory());
    }

    @Test
    void aSentenceQuotedFromAStoryDoesNotJoinIt() {
        assign("mou-signing-wire");
        String sentence = "Pakistan's army-run Frontier Works Organisation and US Strategic Metals signed a $500 million"
                + " memorandum of understanding on Monday to explore, process and export critical minerals.";

        assertEquals("quote", clusterer.assign("quote", sentence, T0).storyId());
    }

    @Test
    void aRestoredClustererAssignsLikeTheOneThatNeverStopped() {
        List<StorySignature> kept = new ArrayList<>();
        for (LabelledArticle article : LabelledSet.ARTICLES.subList(0, 25)) {
            kept.add(clusterer.assign(article.articleId(), article.body(), T0).signature());
        }
        Collections.reverse(kept);
        StoryClusterer restored = StoryClusterer.restore(StoryClusterer.Settings.DEFAULT, kept);

        for (LabelledArticle article : LabelledSet.ARTICLES) {
            StoryAssignment running = clusterer.assign(article.articleId(), article.body(), T0);
            StoryAssignment afterRestart = restored.assign(article.articleId(), article.body(), T0);
            assertEquals(running, afterRestart, article.articleId());
        }
    }

    @Test
    void signaturesOfAnotherSchemaAreNotRemembered() {
        StorySignature signature = assign("mou-signing-wire").signature();
        StorySignature future = new StorySignature(StorySignature.SCHEMA + 1, "other", "other", T0,
                signature.shingles(), signature.minHash());
        StoryClusterer restored = new StoryClusterer(StoryClusterer.Settings.DEFAULT);

        assertFalse(restored.remember(future));
        assertEquals(0, restored.size());
    }

    @Test
    void aFiveMegabyteArticleIsAssignedWithinTwoSeconds() {
        Random random = new Random(3);
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 5_000_000) {
            huge.append("word").append(random.nextInt(50_000)).append(random.nextInt(9) == 0 ? ". " : " ");
        }
        String text = huge.toString();
        clusterer.assign("warm-up", body("mou-signing-wire"), T0);

        StoryAssignment assignment = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> clusterer.assign("huge", text, T0));

        assertEquals("huge", assignment.storyId());
    }
}
