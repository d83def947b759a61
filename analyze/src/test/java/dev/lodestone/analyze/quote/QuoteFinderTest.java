package dev.lodestone.analyze.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.analyze.tag.MentionTagger;
import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.analyze.watchlist.WatchlistLoader;
import dev.lodestone.core.Mention;
import dev.lodestone.core.Quote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteFinderTest {
    private static final Watchlist WATCHLIST = WatchlistLoader.bundled();
    private static final MentionTagger TAGGER = new MentionTagger(WATCHLIST);
    private static final QuoteFinder FINDER = new QuoteFinder(WATCHLIST);

    private static List<Quote> quotes(String text) {
        List<Quote> quotes = FINDER.find(text, Mention.BODY, TAGGER.tag(text, Mention.BODY));
        for (Quote q : quotes) {
            assertEquals(q.text(), text.substring(q.start(), q.end()), "offsets of " + q);
        }
        return quotes;
    }

    private static List<String> speakers(String text) {
        return quotes(text).stream().map(Quote::entity).toList();
    }

    @Test
    void aQuoteAfterTheSpeakerAndAVerbIsTheirs() {
        String text = "Sharif declared, “Today, Pakistan steps forward.”";
        String withFullName = "Shehbaz " + text;

        assertEquals(List.of(new Quote("shehbaz-sharif", "Today, Pakistan steps forward.", "body", 26, 56)),
                quotes(withFullName));
    }

    @Test
    void aQuoteFollowedBySaidAndTheSpeakerIsTheirs() {
        assertEquals(List.of(new Quote("stacy-hastie", "It is a good day", "body", 1, 17)),
                quotes("“It is a good day,” said Stacy Hastie."));
    }

    @Test
    void aQuoteFollowedByTheSpeakerAndSaidIsTheirs() {
        assertEquals(List.of("sheikh-waqqas-akram"), speakers("\"It is a sell-out,\" Waqas Akram said."));
    }

    @Test
    void theSpeakerMayAddressAnAudienceBeforeTheQuote() {
        assertEquals(List.of("stacy-hastie"), speakers("Stacy Hastie told reporters in Islamabad: \"We are ready to ship.\""));
    }

    @Test
    void anAsideBetweenSpeakerAndVerbIsAllowed() {
        assertEquals(List.of("sheikh-waqqas-akram"),
                speakers("“Parliament was not told,” Waqqas Akram, the PTI’s information secretary, said."));
    }

    @Test
    void aCompanyAndTitleBeforeTheSpeakerAreAllowed() {
        assertEquals(List.of("stacy-hastie"), speakers("“We are proud,” said USSM CEO Stacy W. Hastie."));
    }

    @Test
    void everyQuoteInAnArticleGoesToItsSpeaker() throws IOException {
        String article = Files.readString(Path.of("src/test/resources/quote/mou-signing.txt"));

        List<Quote> quotes = quotes(article);

        assertEquals(List.of("shehbaz-sharif", "stacy-hastie", "sheikh-waqqas-akram"), quotes.stream().map(Quote::entity).toList());
        assertEquals("The people of Pakistan were not consulted", quotes.get(2).text());
    }

    @Test
    void aPronounIsNotASpeaker() {
        assertEquals(List.of(), speakers("Stacy Hastie spoke first. “We will see more shipments soon,” he added."));
    }

    @Test
    void aQuoteAttributedToSomeoneUnwatchedIsNotGivenToAWatchedPersonNearby() {
        assertEquals(List.of(), speakers("Shehbaz Sharif met the delegation. “We are ready,” said Ahmed Khan, a ministry official."));
    }

    @Test
    void aQuoteAttributedAfterAnotherPersonIsNotGivenToTheFirst() {
        assertEquals(List.of(), speakers("Shehbaz Sharif said Ahmed Khan told him: “The port is ready.”"));
    }

    @Test
    void aPossessiveSpeakerIsSomeoneElse() {
        assertEquals(List.of(), speakers("“The deal is done,” said Trump’s envoy."));
    }

    @Test
    void quotedWordsWithoutAVerbOfSpeechAreNoQuote() {
        assertEquals(List.of(), speakers("Shehbaz Sharif called the deal a “new dawn” for the country."));
    }

    @Test
    void anOrganisationDoesNotSpeakAsAPerson() {
        assertEquals(List.of(), speakers("The FWO said: “Work starts next month.”"));
    }

    @Test
    void anUnclosedQuoteIsIgnored() {
        assertEquals(List.of(), speakers("Donald Trump said: “We love Pakistan"));
    }

    @Test
    void emptyTextHasNoQuotes() {
        assertEquals(List.of(), FINDER.find("", Mention.BODY, List.of()));
    }
}
