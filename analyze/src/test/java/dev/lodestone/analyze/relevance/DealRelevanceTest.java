package dev.lodestone.analyze.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.analyze.tag.MentionTagger;
import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.analyze.watchlist.WatchlistLoader;
import dev.lodestone.core.Mention;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Relevance on the small watch-list in {@code relevance/deal-watchlist.yml}: sides Pakistan, the US, a mineral. */
class DealRelevanceTest {
    private static final double EXACT = 1e-9;
    /** Enough text that what follows it is past the lead. */
    private static final String PAST_THE_LEAD = "Markets were quiet on Monday. ".repeat(12);

    private final Watchlist watchlist = loadWatchlist();
    private final MentionTagger tagger = new MentionTagger(watchlist);
    private final DealRelevance relevance = new DealRelevance(watchlist);

    private static Watchlist loadWatchlist() {
        try {
            return WatchlistLoader.load(Path.of(DealRelevanceTest.class.getResource("/relevance/deal-watchlist.yml").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private DealRelevance.Score score(String title, String body) {
        List<Mention> mentions = new ArrayList<>(tagger.tag(title, Mention.TITLE));
        mentions.addAll(tagger.tag(body, Mention.BODY));
        return relevance.score(mentions);
    }

    @Test
    void coverageNamingEverySideInItsTitleIsAboutTheDeal() {
        DealRelevance.Score score = score("Pakistan sends antimony to the US", "The cargo left Karachi on Monday.");

        assertTrue(score.about(), score.toString());
        assertEquals(List.of("names every side of the story: pakistan; united-states; antimony",
                "the title or lead names every side it mentions"), score.reasons());
    }

    @Test
    void pakistanAndTheUsWithoutAMineralOrADealPartyAreNotAboutTheDeal() {
        DealRelevance.Score score = score("Pakistan and US hold counter-terrorism talks", "They agreed to share intelligence.");

        assertFalse(score.about(), score.toString());
        assertEquals(DealRelevance.ALL_BUT_ONE_GROUP + DealRelevance.IN_TITLE_OR_LEAD, score.relevance(), EXACT);
    }

    @Test
    void mineralNewsWithoutPakistanIsNotAboutTheDeal() {
        assertFalse(score("Copper climbs", "US buyers paid more for copper and antimony this week.").about());
    }

    @Test
    void theDealsOwnPartiesCarryCoverageThatNamesNoMineral() {
        DealRelevance.Score score = score("FWO and USSM brief senators", "The Senate asked about the MoU.");

        assertTrue(score.about(), score.toString());
        assertTrue(score.reasons().contains("names a party to the deal: frontier-works-organisation, us-strategic-metals"),
                score.toString());
    }

    @Test
    void aPassingMentionAfterTheLeadIsNotAboutTheDeal() {
        DealRelevance.Score score = score("Antimony demand grows",
                "US buyers want more antimony. " + PAST_THE_LEAD + "Pakistan also has deposits.");

        assertEquals(DealRelevance.EVERY_GROUP, score.relevance(), EXACT);
        assertFalse(score.about(), score.toString());
    }

    @Test
    void aTitleNamingEverySideAddsTheTitleBonus() {
        String body = PAST_THE_LEAD + "Pakistan shipped antimony to the US. Pakistan expects US buyers to want more antimony.";

        DealRelevance.Score plain = score("Weekly round-up", body);
        DealRelevance.Score titled = score("Pakistan ships antimony to the US", body);

        assertEquals(DealRelevance.IN_TITLE_OR_LEAD, titled.relevance() - plain.relevance(), EXACT);
        assertFalse(plain.reasons().contains("the title or lead names every side it mentions"), plain.toString());
        assertTrue(titled.reasons().contains("the title or lead names every side it mentions"), titled.toString());
    }

    @Test
    void sidesNamedRepeatedlyAreSustainedCoverage() {
        DealRelevance.Score score = score("Pakistan ships copper to the US", "Pakistan said US demand for copper is strong.");

        assertTrue(score.reasons().contains("every side it mentions is named more than once"), score.toString());
    }

    @Test
    void everyFeatureTogetherScoresOneAndListsEveryReason() {
        DealRelevance.Score score = score("Pakistan's FWO ships antimony to USSM",
                "The FWO sent antimony and copper to US Strategic Metals in the US.");

        assertEquals(1.0, score.relevance(), EXACT);
        assertEquals(4, score.reasons().size(), score.toString());
    }

    @Test
    void anArticleWithoutMentionsScoresZeroWithoutReasons() {
        DealRelevance.Score score = score("Weather", "Rain is expected on Sunday.");

        assertEquals(0.0, score.relevance(), EXACT);
        assertEquals(List.of(), score.reasons());
    }

    @Test
    void entitiesOutsideTheStorysSidesDoNotCount() {
        assertEquals(0.0, score("China", "China and China again.").relevance(), EXACT);
    }
}
