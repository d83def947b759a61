package dev.lodestone.analyze.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.analyze.watchlist.WatchlistLoader;
import dev.lodestone.core.Mention;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionTaggerTest {
    private static final MentionTagger TAGGER = new MentionTagger(WatchlistLoader.bundled());

    private static List<Mention> tag(String text) {
        List<Mention> mentions = TAGGER.tag(text, Mention.BODY);
        for (Mention m : mentions) {
            assertEquals(m.surface(), text.substring(m.start(), m.end()), "surface of " + m);
        }
        return mentions;
    }

    private static List<String> entities(String text) {
        return tag(text).stream().map(Mention::entity).toList();
    }

    private static List<String> surfaces(String text) {
        return tag(text).stream().map(Mention::surface).toList();
    }

    @Test
    void findsTheDealsPartiesWithOffsetsIntoTheOriginalText() {
        List<Mention> mentions = tag("Pakistan's FWO signed an MoU with US Strategic Metals.");

        assertEquals(List.of(new Mention("pakistan", "Pakistan", "body", 0, 8),
                new Mention("frontier-works-organisation", "FWO", "body", 11, 14),
                new Mention("us-strategic-metals", "US Strategic Metals", "body", 34, 53)), mentions);
    }

    @Test
    void theLongestAliasWinsWhereTwoOverlap() {
        assertEquals(List.of("us-strategic-metals"), entities("US Strategic Metals"));
    }

    @Test
    void acronymsMatchOnlyInCapitals() {
        assertEquals(List.of(), entities("Let us know what the fwo, the ussm and the pti said."));
        assertEquals(List.of("united-states", "frontier-works-organisation", "pakistan-tehreek-e-insaf"),
                entities("The US, the FWO and the PTI said so."));
    }

    @Test
    void matchCaseAliasesMatchAsWrittenOrInCapitals() {
        assertEquals(List.of(), entities("She collects fine china and rides a quad."));
        assertEquals(List.of("china", "china", "quad"), entities("China. CHINA. The Quad met."));
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
    void organisationIsSpelledEitherWay() {
        assertEquals(List.of("frontier-works-organisation", "frontier-works-organisation"),
                entities("Frontier Works Organisation, or Frontier Works Organization"));
    }

    @Test
    void theUnitedStatesHasEveryUsualSpelling() {
        assertEquals(List.of("U.S.", "US", "United States", "USA"), surfaces("U.S. and US and United States and USA"));
        assertEquals(List.of("united-states"), entities("a U.S.-financed port"));
    }

    @Test
    void shehbazIsAlsoShahbaz() {
        assertEquals(List.of("shehbaz-sharif", "shehbaz-sharif"), entities("Shehbaz Sharif, also spelled Shahbaz Sharif"));
    }

    @Test
    void waqqasIsAlsoWaqas() {
        assertEquals(List.of("sheikh-waqqas-akram", "sheikh-waqqas-akram"), entities("Waqqas Akram, or Sheikh Waqas Akram"));
    }

    @Test
    void theFieldMarshalsFullNameAndTitleAreOneMention() {
        assertEquals(List.of("Field Marshal Syed Asim Munir"), surfaces("Field Marshal Syed Asim Munir arrived."));
    }

    @Test
    void coasIsTheArmyChief() {
        assertEquals(List.of("asim-munir"), entities("The COAS visited the troops."));
    }

    @Test
    void aTitleBeforeANameBelongsToTheMention() {
        assertEquals(List.of("PM Shehbaz Sharif", "President Trump", "CEO Stacy Hastie"),
                surfaces("PM Shehbaz Sharif thanked President Trump and CEO Stacy Hastie."));
    }

    @Test
    void aTitleChainedToAnotherMentionOfThePersonIsOneMention() {
        assertEquals(List.of(new Mention("asim-munir", "COAS Field Marshal Asim Munir", "body", 0, 29)),
                tag("COAS Field Marshal Asim Munir"));
    }

    @Test
    void aTitleNeverSwallowsAnotherEntity() {
        assertEquals(List.of("US", "President Trump"), surfaces("US President Trump"));
        assertEquals(List.of("USSM", "CEO Stacy W. Hastie"), surfaces("USSM CEO Stacy W. Hastie"));
    }

    @Test
    void rareEarthsAreFoundInEveryShortening() {
        assertEquals(List.of("rare-earth", "rare earth elements", "REEs"), surfaces("rare-earth magnets, rare earth elements, REEs"));
    }

    @Test
    void oneAliasMayNameTwoEntities() {
        assertEquals(List.of("neodymium", "praseodymium"), entities("NdPr oxide"));
    }

    @Test
    void aPossessiveDoesNotHideTheName() {
        assertEquals(List.of("Pakistan", "Shehbaz", "USSM"), surfaces("Pakistan’s envoy, Shehbaz's aide and USSM's board"));
    }

    @Test
    void hyphenAndLineBreakVariantsMatch() {
        assertEquals(List.of("rare-earth-elements", "reko-diq"), entities("rare-earth magnets from Reko\nDiq"));
    }

    @Test
    void aWordHyphenatedAcrossALineBreakIsFound() {
        String text = "the Paki-\nstan army and rare-\nearth oxides";

        assertEquals(List.of(new Mention("pakistan", "Paki-\nstan", "body", 4, 14),
                new Mention("rare-earth-elements", "rare-\nearth", "body", 24, 35)), tag(text));
    }

    @Test
    void aSoftHyphenInsideAWordIsInvisible() {
        assertEquals(List.of(new Mention("balochistan", "Baloch\u00ADistan", "body", 3, 15)), tag("in Baloch\u00ADistan"));
    }

    @Test
    void aNonBreakingSpaceIsASpace() {
        assertEquals(List.of(new Mention("donald-trump", "Donald\u00A0Trump", "body", 0, 12)), tag("Donald\u00A0Trump"));
    }

    @Test
    void curlyApostrophesMatchStraightOnes() {
        assertEquals(List.of(new Mention("china", "People’s Republic of China", "body", 4, 30)),
                tag("the People’s Republic of China"));
    }

    @Test
    void fullWidthLettersAreNormalised() {
        assertEquals(List.of(new Mention("frontier-works-organisation", "ＦＷＯ", "body", 0, 3)), tag("ＦＷＯ"));
    }

    @Test
    void aMentionInsideAnExcludedPhraseIsDropped() {
        assertEquals(List.of(), entities("The captain played his Trump card in the final over."));
        assertEquals(List.of(), entities("The Frontier Corps was deployed."));
        assertEquals(List.of("donald-trump"), entities("President Trump welcomed the deal."));
    }

    @Test
    void aBareSurnameCountsOnlyAfterTheFullName() {
        assertEquals(List.of(), entities("Sharif said the talks went well."));
        assertEquals(List.of("shehbaz-sharif", "shehbaz-sharif"), entities("Shehbaz Sharif spoke. Later Sharif left."));
    }

    @Test
    void aBareSurnameAfterAnotherSharifIsNotShehbaz() {
        assertEquals(List.of("shehbaz-sharif"),
                entities("Shehbaz Sharif met his brother Nawaz Sharif in Lahore. Sharif, the elder, spoke first."));
    }

    @Test
    void urduMentionsAreFound() {
        assertEquals(List.of("shehbaz-sharif", "pakistan", "us-strategic-metals"),
                entities("وزیراعظم شہباز شریف نے کہا کہ پاکستان اور یو ایس اسٹریٹجک میٹلز کے درمیان معاہدہ"));
        assertEquals(List.of("وزیراعظم شہباز شریف"), surfaces("وزیراعظم شہباز شریف"));
    }

    @Test
    void urduWrittenWithTheArabicKafIsFound() {
        assertEquals(List.of("pakistan"), entities("پا\u0643ستان"));
    }

    @Test
    void hindiMentionsAreFound() {
        assertEquals(List.of("asim-munir", "united-states", "antimony"),
                entities("फील्ड मार्शल आसिम मुनीर ने अमेरिका को एंटीमनी भेजने की बात कही"));
    }

    @Test
    void chineseMentionsAreFoundWithoutWordBoundaries() {
        assertEquals(List.of("pakistan", "shehbaz-sharif", "united-states", "rare-earth-elements", "neodymium"),
                entities("巴基斯坦总理夏巴兹·谢里夫表示，美国将获得稀土和钕。"));
        assertEquals(List.of("总理夏巴兹·谢里夫"), surfaces("巴基斯坦总理夏巴兹·谢里夫").subList(1, 2));
    }

    @Test
    void rightToLeftMarksDoNotBreakAName() {
        assertEquals(List.of("gwadar"), entities("\u202Bگوا\u200Fدر\u202C"));
    }

    @Test
    void unpairedSurrogatesAreSkippedSafely() {
        assertEquals(List.of("pasni"), entities("\uD800Pasni\uDC00 \uDC00\uD800"));
    }

    @Test
    void textWithoutWordsHasNoMentions() {
        assertEquals(List.of(), tag(" \n\t\u00A0 "));
        assertEquals(List.of(), tag("—“”‘’!?…-\u00AD"));
    }

    @Test
    void emptyTextHasNoMentions() {
        assertEquals(List.of(), TAGGER.tag("", Mention.BODY));
        assertEquals(List.of(), TAGGER.tag(null, Mention.TITLE));
    }

    @Test
    void fiveMegabytesOfTextAreTaggedWithValidOffsets() {
        String text = "Pakistan’s FWO and USSM signed.\u00A0".repeat(160_000);

        List<Mention> mentions = tag(text);

        assertTrue(text.length() > 5_000_000);
        assertEquals(480_000, mentions.size());
    }
}
