package dev.lodestone.analyze.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static final String PLAIN = "Pakistan's Frontier Works Organisation signed a memorandum with US Strategic"
            + " Metals on Monday - the army-run firm will export antimony, copper concentrate and rare earths"
            + " to Missouri within weeks, officials said.";

    @Test
    void quotesDashesCaseSpacingAndFullWidthLettersDoNotTellCopiesApart() {
        String restyled = "PAKISTAN\u2019S Frontier Works Organisation signed a memorandum with ＵＳ Strategic\n"
                + "Metals on Monday \u2014 the army\u2011run firm will export antimony,\u00A0copper concentrate and"
                + " rare earths to Missouri within weeks, officials said.";

        assertEquals(1.0, Fingerprint.of(PLAIN).jaccard(Fingerprint.of(restyled)));
    }

    @Test
    void oneEditedWordChangesOnlyTheFiveShinglesAroundIt() {
        Fingerprint edited = Fingerprint.of(PLAIN.replace("export", "ship"));
        Fingerprint plain = Fingerprint.of(PLAIN);

        double jaccard = plain.jaccard(edited);

        assertEquals(27, plain.shingles());
        assertEquals(22.0 / 32, jaccard, 0.1);
    }

    @Test
    void hindiVowelSignsAndViramasStayInsideTheirWord() {
        String thirtyWords = "पाकिस्तान के फ्रंटियर वर्क्स ऑर्गनाइजेशन ने अमेरिकी कंपनी यूएस स्ट्रैटेजिक मेटल्स के साथ पचास"
                + " करोड़ डॉलर के खनिज समझौते पर हस्ताक्षर किए और पहली खेप अक्टूबर में अमेरिका भेजी गई";

        assertEquals(30 - 4, Fingerprint.of(thirtyWords).shingles());
    }

    @Test
    void aLoneSurrogateSeparatesWordsLikeASpace() {
        String broken = PLAIN.replace("copper concentrate", "copper\uD800concentrate");

        assertEquals(1.0, Fingerprint.of(PLAIN).jaccard(Fingerprint.of(broken)));
    }

    @Test
    void aTextOfFewerThanTwentyWordsHasNoMinHash() {
        assertFalse(Fingerprint.of("Subscribe to read the full story on the minerals deal.").comparable());
        assertFalse(Fingerprint.of("").comparable());
    }
}
