package dev.lodestone.analyze.relevance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.analyze.tag.MentionTagger;
import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.analyze.watchlist.WatchlistLoader;
import dev.lodestone.core.Mention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealRelevanceTest {
    private final Watchlist watchlist = WatchlistLoader.bundled();
    private final MentionTagger tagger = new MentionTagger(watchlist);
    private final DealRelevance relevance = new DealRelevance(watchlist);

    private DealRelevance.Score score(String title, String body) {
        List<Mention> mentions = new ArrayList<>(tagger.tag(title, Mention.TITLE));
        mentions.addAll(tagger.tag(body, Mention.BODY));
        return relevance.score(mentions);
    }

    @Test
    void coverageNamingBothPartiesAndAMineralIsAboutTheDeal() {
        DealRelevance.Score score = score("FWO and USSM sign $500m minerals MoU",
                "Pakistan's Frontier Works Organisation will supply antimony to US Strategic Metals.");

        assertTrue(score.about(), score.toString());
        assertTrue(score.reasons().contains("named in the title"), score.toString());
    }

    @Test
    void rareEarthNewsWithoutPakistanIsNotAboutTheDeal() {
        DealRelevance.Score score = score("Rare earth prices climb",
                "An Australian miner said US buyers want more neodymium.");

        assertFalse(score.about(), score.toString());
    }

    @Test
    void anArticleWithNoMentionsScoresZero() {
        assertTrue(score("Weather", "Rain is expected on Sunday.").relevance() == 0.0);
    }
}
