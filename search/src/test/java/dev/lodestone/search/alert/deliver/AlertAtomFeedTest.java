package dev.lodestone.search.alert.deliver;

import static dev.lodestone.search.alert.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertAtomFeedTest {
    private static final AlertRule RULE = rule("deal", "about:true");

    @Test
    void aFeedReaderSeesEachStoryOnceNewestFirstWithItsOtherOutlets() throws Exception {
        Alert mou = alert("deal:story-mou", "new", "FWO signs deal", List.of("dawn.com"), "2025-09-08T14:02:00Z");
        Alert mouCopied = alert("deal:story-mou", "copy", "FWO signs deal", List.of("dawn.com", "tribune.com.pk"),
                "2025-09-08T14:02:00Z");
        Alert shipment = alert("deal:story-ship", "new", "First shipment leaves", List.of("reuters.com"),
                "2025-10-05T09:32:00Z");
        Alert otherRule = new Alert(Alert.SCHEMA, "other:x", "new", "other", "Other", "x", "Other rule", null, "",
                List.of(), List.of(), List.of(), null);

        String atom = AlertAtomFeed.render(RULE, List.of(mou, shipment, mouCopied, otherRule));

        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("Lodestone alerts: Rule deal", feed.getTitle());
        List<SyndEntry> entries = feed.getEntries();
        assertEquals(List.of("First shipment leaves", "FWO signs deal"), entries.stream().map(SyndEntry::getTitle).toList());
        assertEquals("urn:lodestone:alert:deal:story-mou", entries.get(1).getUri());
        assertEquals("https://example.org/deal:story-mou", entries.get(1).getLink());
        assertEquals("The lead.\nAlso in: tribune.com.pk\nWhy: fwo", entries.get(1).getDescription().getValue());
    }

    private static Alert alert(String id, String kind, String title, List<String> outlets, String matched) {
        Instant at = Instant.parse(matched);
        return new Alert(Alert.SCHEMA, id, kind, "deal", "Rule deal", id.substring(5), title,
                "https://example.org/" + id, "The lead.", List.of(), outlets, List.of("fwo"),
                new Alert.Timeline(at, at, at, at, null));
    }
}
