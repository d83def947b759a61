package dev.lodestone.search.alert.decide;

import static dev.lodestone.search.alert.Fixtures.dawnMou;
import static dev.lodestone.search.alert.Fixtures.revision;
import static dev.lodestone.search.alert.Fixtures.rule;
import static dev.lodestone.search.alert.Fixtures.tribuneMou;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.alert.match.RuleMatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoryAlertsTest {
    private static final Instant MATCHED = Instant.parse("2025-09-08T14:02:00Z");
    private static final AlertRule DEAL = rule("deal", "minerals");

    @Test
    void theFirstArticleOfAStoryRaisesANewAlertWithItsTimeline() {
        Alert alert = StoryAlerts.decide(match(DEAL, dawnMou()), null).orElseThrow();

        assertEquals("new", alert.kind());
        assertEquals("deal:story-mou", alert.id());
        assertEquals("FWO signs $500m minerals deal with US Strategic Metals", alert.title());
        assertEquals(List.of("dawn.com"), alert.outlets());
        assertEquals(new Alert.Timeline(Instant.parse("2025-09-08T14:00:00Z"), Instant.parse("2025-09-08T14:01:00Z"),
                Instant.parse("2025-09-08T14:01:30Z"), MATCHED, null), alert.timeline());
    }

    @Test
    void aCopyFromAnotherOutletJoinsTheAlertInsteadOfRaisingANewOne() {
        Alert first = StoryAlerts.decide(match(DEAL, dawnMou()), null).orElseThrow();

        Alert joined = StoryAlerts.decide(match(DEAL, tribuneMou()), first).orElseThrow();

        assertEquals("copy", joined.kind());
        assertEquals(first.id(), joined.id());
        assertEquals(first.title(), joined.title());
        assertEquals(List.of("dawn.com", "tribune.com.pk"), joined.outlets());
        assertEquals(List.of(dawnMou().id(), tribuneMou().id()), joined.articleIds());
    }

    @Test
    void theSameArticleMatchedAgainChangesNothing() {
        Alert first = StoryAlerts.decide(match(DEAL, dawnMou()), null).orElseThrow();
        Alert joined = StoryAlerts.decide(match(DEAL, tribuneMou()), first).orElseThrow();

        assertEquals(Optional.empty(), StoryAlerts.decide(match(DEAL, dawnMou()), joined));
        assertEquals(Optional.empty(), StoryAlerts.decide(match(DEAL, tribuneMou()), joined));
    }

    @Test
    void aChangedTitleRaisesAnUpdatedAlertWhenTheRuleAsksForIt() {
        Alert first = StoryAlerts.decide(match(DEAL, dawnMou()), null).orElseThrow();

        Alert updated = StoryAlerts.decide(match(DEAL, retitled(dawnMou(), 2)), first).orElseThrow();

        assertEquals("updated", updated.kind());
        assertEquals("deal:story-mou:updated:2", updated.id());
        assertEquals("FWO and USSM sign $500m minerals MoU", updated.title());
        assertEquals(first.outlets(), updated.outlets());
    }

    @Test
    void aChangedTitleIsSilentWhenTheRuleDoesNotAskForUpdates() {
        AlertRule quiet = new AlertRule(AlertRule.SCHEMA, "deal", "Deal", "minerals", Map.of(), AlertRule.REALTIME,
                10, false, List.of(), List.of(), MATCHED, MATCHED);
        Alert first = StoryAlerts.decide(match(quiet, dawnMou()), null).orElseThrow();

        assertEquals(Optional.empty(), StoryAlerts.decide(match(quiet, retitled(dawnMou(), 2)), first));
    }

    @Test
    void anUpdateIsRaisedOncePerRevision() {
        Alert first = StoryAlerts.decide(match(DEAL, dawnMou()), null).orElseThrow();
        Alert updated = StoryAlerts.decide(match(DEAL, retitled(dawnMou(), 2)), first).orElseThrow();

        assertEquals(Optional.empty(), StoryAlerts.decide(match(DEAL, retitled(dawnMou(), 2)), updated));
    }

    @Test
    void aLeadIsTheFirstParagraphCutAtAWord() {
        String body = "First paragraph of the story.\n\nSecond paragraph.";
        String longBody = "word ".repeat(100);

        assertEquals("First paragraph of the story.", StoryAlerts.lead(body));
        assertEquals("word ".repeat(56).strip() + " …", StoryAlerts.lead(longBody));
    }

    private static TaggedArticle retitled(TaggedArticle article, int revision) {
        return revision(article.article().url(), article.article().source(), "FWO and USSM sign $500m minerals MoU",
                article.article().body(), article.storyId(), article.entities(), revision);
    }

    private static RuleMatch match(AlertRule rule, TaggedArticle article) {
        return new RuleMatch(RuleMatch.SCHEMA, rule, article, List.of("minerals"), MATCHED);
    }
}
