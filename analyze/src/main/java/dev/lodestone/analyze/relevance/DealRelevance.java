package dev.lodestone.analyze.relevance;

import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.core.Mention;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores how much an article is about the Pakistan–US minerals deal rather than merely naming one of its
 * words, and says why.
 *
 * <p>The watch-list's {@link Watchlist#aboutAllOf() aboutAllOf} groups are the sides that coverage brings
 * together: a Pakistani party, a US party and a mineral. The score adds up the evidence a careful reader
 * uses, each piece reported as a reason:
 * <ul>
 *   <li>{@link #EVERY_GROUP}: every side is named, the whole cast in one article (Pakistan, the US and
 *       antimony);</li>
 *   <li>{@link #ALL_BUT_ONE_GROUP}: every side but one, the cast with a gap (Pakistan and the US talking
 *       counter-terrorism, or US rare-earth news without Pakistan): never enough on its own;</li>
 *   <li>{@link #DEAL_PARTY}: one of the story's own parties (the watch-list's {@code storyParties}, for the
 *       deal the memorandum's signatories), who appear in little but the story, so that coverage of its
 *       politics counts even when no mineral is named;</li>
 *   <li>{@link #IN_TITLE_OR_LEAD}: every side the article names appears in its title or lead, so the story
 *       is its subject, not a remark in passing near the end;</li>
 *   <li>{@link #SUSTAINED}: every side the article names is named more than once, as coverage keeps
 *       returning to its actors while a round-up names a country once.</li>
 * </ul>
 * The weights are few, round and general rather than fitted to texts, so that they carry over to coverage
 * the evaluation set did not foresee. The sum is capped at 1. Only the threshold, the watch-list's
 * {@code aboutThreshold}, was chosen on the bundled evaluation set, by
 * {@code dev.lodestone.analyze.eval.ThresholdCalibration} (best F1, then the middle of the widest gap): there
 * coverage scores 0.7 and more and the near-misses that name every side only in passing 0.6, hence 0.65.
 */
public final class DealRelevance {
    /** Every aboutAllOf group named. */
    public static final double EVERY_GROUP = 0.6;
    /** Every aboutAllOf group but one named. */
    public static final double ALL_BUT_ONE_GROUP = 0.3;
    /** One of the watch-list's story parties named. */
    public static final double DEAL_PARTY = 0.3;
    /** Every group the article names appears in the title or in the first {@link #LEAD_CHARS} of the body. */
    public static final double IN_TITLE_OR_LEAD = 0.1;
    /** Every group the article names is named at least twice, by one of its entities or by two. */
    public static final double SUSTAINED = 0.1;


    /** Characters of the body that count as its lead: about the first two sentences of a news story. */
    public static final int LEAD_CHARS = 300;

    private final List<List<String>> groups;
    private final Set<String> storyParties;
    private final double threshold;

    public DealRelevance(Watchlist watchlist) {
        this.groups = watchlist.aboutAllOf();
        this.storyParties = Set.copyOf(watchlist.storyParties());
        this.threshold = watchlist.aboutThreshold();
    }

    /** The relevance from which an article is about the story. */
    public double threshold() {
        return threshold;
    }

    /** How much the article is about the deal, whether that passes the threshold, and the reasons in the order weighed. */
    public record Score(double relevance, boolean about, List<String> reasons) {
        public Score {
            reasons = List.copyOf(reasons);
        }
    }

    /** Scores the mentions of one article's title and body, as tagged. */
    public Score score(List<Mention> mentions) {
        if (groups.isEmpty() || mentions.isEmpty()) {
            return new Score(0, false, List.of());
        }
        Map<String, Long> counts = mentions.stream().collect(Collectors.groupingBy(Mention::entity, Collectors.counting()));
        Set<String> prominent = mentions.stream()
                .filter(m -> Mention.TITLE.equals(m.field()) || m.start() < LEAD_CHARS)
                .map(Mention::entity).collect(Collectors.toSet());
        List<List<String>> sides = groups.stream().map(group -> group.stream().filter(counts::containsKey).toList())
                .filter(named -> !named.isEmpty()).toList();
        String cast = sides.stream().map(named -> String.join(", ", named)).collect(Collectors.joining("; "));
        List<String> reasons = new ArrayList<>();
        double relevance = 0;

        if (sides.size() == groups.size()) {
            relevance += EVERY_GROUP;
            reasons.add("names every side of the story: " + cast);
        } else if (groups.size() > 1 && sides.size() == groups.size() - 1) {
            relevance += ALL_BUT_ONE_GROUP;
            reasons.add("names " + sides.size() + " of " + groups.size() + " sides of the story: " + cast);
        }

        Set<String> parties = new LinkedHashSet<>();
        mentions.stream().map(Mention::entity).filter(storyParties::contains).forEach(parties::add);
        if (!parties.isEmpty()) {
            relevance += DEAL_PARTY;
            reasons.add("names a party to the deal: " + String.join(", ", parties));
        }

        if (sides.size() >= 2 && sides.stream().allMatch(named -> named.stream().anyMatch(prominent::contains))) {
            relevance += IN_TITLE_OR_LEAD;
            reasons.add("the title or lead names every side it mentions");
        }
        if (sides.size() >= 2 && sides.stream().allMatch(named -> named.stream().mapToLong(counts::get).sum() >= 2)) {
            relevance += SUSTAINED;
            reasons.add("every side it mentions is named more than once");
        }

        relevance = Math.min(1.0, Math.round(relevance * 100) / 100.0);
        return new Score(relevance, relevance >= threshold, reasons);
    }
}
