package dev.lodestone.analyze.quote;

import dev.lodestone.analyze.watchlist.Entity;
import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.core.Mention;
import dev.lodestone.core.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds quotations attributed to watched people, so analysts can search statements by speaker.
 *
 * <p>Precision comes first: a quote is reported only when news grammar ties it to a mention of a person on the
 * watch-list without a doubt, and otherwise not at all. The forms recognised, with straight, curly or guillemet
 * quotation marks:
 * <ul>
 *   <li>speaker, then a speech verb, then the quote: {@code Sharif declared, “Today, Pakistan steps forward.”},
 *       {@code Hastie told reporters: "..."}, {@code Akram, the PTI's spokesman, said: "..."};</li>
 *   <li>the quote, then verb and speaker in either order: {@code “...,” said Hastie.}, {@code “...,” Akram said.},
 *       {@code “...,” said USSM CEO Stacy Hastie.}</li>
 * </ul>
 * Nothing else: not a pronoun ("he added"), not a speaker whose name is followed by a possessive ("said Trump's
 * envoy"), not a quote with another name between it and the verb, not words in quotes without a verb of speech.
 */
public final class QuoteFinder {
    private static final String VERB = "(?:said|says|say|told|tells|added|adds|declared|declares|stated|states"
            + "|remarked|noted|notes|stressed|stresses|emphasi[sz]ed|asserted|announced|announces|insisted|insists"
            + "|warned|warns|explained|wrote|writes|tweeted|posted|argued|argues|claimed|claims|maintained|observed"
            + "|replied|responded|commented|continued|concluded|affirmed|reiterated|vowed|promised|pledged|recalled"
            + "|admitted|acknowledged|predicted|urged|cautioned|proclaimed)";
    private static final String SPACE = "[\\s\\u00A0]";
    /** A short aside between commas: {@code , the company's chief executive,}. No quotation marks or sentence ends. */
    private static final String ASIDE = "(?:" + SPACE + "*,[^,.;!?\"“”«»\\n]{1,80},)?";
    /**
     * After the verb, up to six words before the colon or comma ({@code told reporters in Islamabad:}), none of
     * them a second verb of speech, whose subject would be the real speaker ("Sharif said Khan told him: ...").
     */
    private static final String AUDIENCE = "(?:" + SPACE + "+(?!" + VERB + "\\b)[\\p{L}\\p{N}'’-]+){0,6}?";

    /** From the end of a speaker's mention to the quote: {@code " declared, "} or {@code ", who said: "}. */
    private static final Pattern BEFORE = Pattern.compile(
            ASIDE + "(?:,?" + SPACE + "*who)?" + SPACE + "+" + VERB + AUDIENCE + SPACE + "*[,:]?" + SPACE + "*(?:that" + SPACE + "+)?",
            Pattern.CASE_INSENSITIVE);
    /** From the end of a quote to the speaker's mention: {@code " said "}. */
    private static final Pattern VERB_FIRST = Pattern.compile("[,.!?]?" + SPACE + "*" + VERB + SPACE + "+",
            Pattern.CASE_INSENSITIVE);
    /** From the end of a quote to the speaker's mention: just space. */
    private static final Pattern SPEAKER_FIRST = Pattern.compile("[,.!?]?" + SPACE + "+");
    /** From the end of a speaker's mention after a quote to the verb: {@code " said"}, {@code ", a PTI leader, said"}. */
    private static final Pattern THEN_VERB = Pattern.compile(ASIDE + SPACE + "+" + VERB + "\\b",
            Pattern.CASE_INSENSITIVE);
    /** Between the verb and the speaker, only mentions of organisations and places may stand: "said USSM CEO ...". */
    private static final Pattern BETWEEN_MENTIONS = Pattern.compile(SPACE + "*");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s?\\b");

    private final Set<String> people;
    private final Set<String> watched;

    public QuoteFinder(Watchlist watchlist) {
        Map<String, Entity> byId = watchlist.byId();
        this.people = byId.values().stream().filter(Entity::isPerson).map(Entity::id).collect(Collectors.toUnmodifiableSet());
        this.watched = byId.keySet();
    }

    /**
     * The quotations in {@code text} attributed to watched people, in order. {@code mentions} are the tagger's
     * mentions of this text; those of other fields are ignored.
     */
    public List<Quote> find(String text, String field, List<Mention> mentions) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Mention> here = mentions.stream()
                .filter(m -> field.equals(m.field()) && watched.contains(m.entity()) && m.end() <= text.length())
                .toList();
        List<QuoteSpan> spans = QuoteSpan.in(text);
        List<Mention> outside = here.stream().filter(m -> spans.stream().noneMatch(s -> s.contains(m))).toList();
        List<Quote> quotes = new ArrayList<>();
        for (QuoteSpan span : spans) {
            String speaker = speakerBefore(text, span, outside);
            if (speaker == null) {
                speaker = speakerAfter(text, span, outside);
            }
            if (speaker != null && span.textEnd() > span.textStart()) {
                quotes.add(new Quote(speaker, text.substring(span.textStart(), span.textEnd()), field,
                        span.textStart(), span.textEnd()));
            }
        }
        return quotes;
    }

    /**
     * The person last mentioned before the quote, when only a verb of speech and its audience lie between ("told
     * reporters in Islamabad:"; the place is a mention, but no person is).
     */
    private String speakerBefore(String text, QuoteSpan span, List<Mention> mentions) {
        Mention last = null;
        for (Mention m : mentions) {
            if (m.end() <= span.open() && people.contains(m.entity())) {
                last = m;
            }
        }
        if (last == null) {
            return null;
        }
        Matcher gap = BEFORE.matcher(text).region(last.end(), span.open());
        return gap.matches() ? last.entity() : null;
    }

    /** The person named right after the quote, before or after a verb of speech. */
    private String speakerAfter(String text, QuoteSpan span, List<Mention> mentions) {
        int from = span.close() + 1;
        Matcher verbFirst = VERB_FIRST.matcher(text).region(from, text.length());
        if (verbFirst.lookingAt()) {
            int at = verbFirst.end();
            for (Mention m : mentions) {
                if (m.start() < at) {
                    continue;
                }
                if (!BETWEEN_MENTIONS.matcher(text).region(at, m.start()).matches()) {
                    return null;
                }
                if (people.contains(m.entity())) {
                    return POSSESSIVE.matcher(text).region(m.end(), text.length()).lookingAt() ? null : m.entity();
                }
                at = m.end();
            }
            return null;
        }
        Matcher speakerFirst = SPEAKER_FIRST.matcher(text).region(from, text.length());
        if (speakerFirst.lookingAt()) {
            for (Mention m : mentions) {
                if (m.start() == speakerFirst.end() && people.contains(m.entity())) {
                    return THEN_VERB.matcher(text).region(m.end(), text.length()).lookingAt() ? m.entity() : null;
                }
            }
        }
        return null;
    }
}
