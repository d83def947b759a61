package dev.lodestone.analyze.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.analyze.watchlist.WatchlistLoader;
import dev.lodestone.core.Mention;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionTaggerTest {
    private final MentionTagger tagger = new MentionTagger(WatchlistLoader.bundled());

    private List<String> entities(String text) {
        return tagger.tag(text, Mention.BODY).stream().map(Mention::entity).toList();
    }

    @Test
    void findsTheDealsPartiesWithOffsetsIntoTheOriginalText() {
        String text = "Pakistan's FWO signed an MoU with US Strategic Metals.";
        List<Mention> mentions = tagger.tag(text, Mention.BODY);

        assertEquals(List.of("pakistan", "frontier-works-organisation", "us-strategic-metals"),
                mentions.stream().map(Mention::entity).toList());
        for (Mention m : mentions) {
            assertEquals(m.surface(), text.substring(m.start(), m.end()));
        }
    }

    @Test
    void theLongestAliasWinsWhereTwoOverlap() {
        assertEquals(List.of("us-strategic-metals"), entities("US Strategic Metals"));
    }

    @Test
    void acronymsMatchOnlyInCapitals() {
        assertEquals(List.of(), entities("Let us know what the fwo said."));
        assertEquals(List.of("united-states"), entities("The US said so."));
    }

    @Test
    void aliasesMatchOnlyWholeWords() {
        assertEquals(List.of(), entities("A USB cable and a coppersmith from Pasnik."));
    }

    @Test
    void ordinaryNamesIgnoreCase() {
        assertEquals(List.of("antimony", "rare-earth-elements"), entities("ANTIMONY and Rare Earths"));
    }

    @Test
    void spellingVariantsOfTheSameEntityAreOneEntity() {
        assertEquals(List.of("shehbaz-sharif", "shehbaz-sharif", "frontier-works-organisation"),
                entities("Shahbaz Sharif met Shehbaz's aides at the Frontier Works Organization."));
    }

    @Test
    void hyphenAndLineBreakVariantsMatch() {
        assertEquals(List.of("rare-earth-elements", "reko-diq"), entities("rare-earth magnets from Reko\nDiq"));
    }

    @Test
    void aMentionInsideAnExcludedPhraseIsDropped() {
        assertEquals(List.of(), entities("The captain played his Trump card in the final over."));
        assertEquals(List.of("donald-trump"), entities("President Trump welcomed the deal."));
    }

    @Test
    void oneAliasMayNameTwoEntities() {
        assertEquals(List.of("neodymium", "praseodymium"), entities("NdPr oxide"));
    }

    @Test
    void emptyTextHasNoMentions() {
        assertEquals(List.of(), tagger.tag("", Mention.BODY));
        assertEquals(List.of(), tagger.tag(null, Mention.TITLE));
    }
}
