package dev.lodestone.analyze.relevance;

import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.core.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores how likely an article is about the watched story rather than merely naming one of its words.
 *
 * <p>The watch-list names groups of entities that coverage of the story brings together (for the minerals
 * deal: a Pakistani party, a US party, a mineral). The score is the share of groups the article mentions,
 * with a small bonus when the title names one of them; an article is about the story when it mentions every
 * group and the score passes the watch-list's threshold. Each group hit is reported so the score explains itself.
 */
public final class DealRelevance {
    private static final double TITLE_BONUS = 0.1;

    private final Watchlist watchlist;

    public DealRelevance(Watchlist watchlist) {
        this.watchlist = watchlist;
    }

    /** The score, whether the article is about the story, and the reasons. */
    public record Score(double relevance, boolean about, List<String> reasons) {}

    public Score score(List<Mention> mentions) {
        List<List<String>> groups = watchlist.aboutAllOf();
        if (groups.isEmpty()) {
            return new Score(0, false, List.of());
        }
        Set<String> mentioned = mentions.stream().map(Mention::entity).collect(Collectors.toSet());
        Set<String> inTitle = mentions.stream().filter(m -> Mention.TITLE.equals(m.field()))
                .map(Mention::entity).collect(Collectors.toSet());
        List<String> reasons = new ArrayList<>();
        int hit = 0;
        boolean titleHit = false;
        for (List<String> group : groups) {
            List<String> found = group.stream().filter(mentioned::contains).toList();
            if (!found.isEmpty()) {
                hit++;
                reasons.add("mentions " + String.join(", ", found));
                titleHit |= found.stream().anyMatch(inTitle::contains);
            }
        }
        double relevance = (double) hit / groups.size() * (1 - TITLE_BONUS);
        if (titleHit) {
            relevance += TITLE_BONUS;
            reasons.add("named in the title");
        }
        boolean about = hit == groups.size() && relevance >= watchlist.aboutThreshold();
        return new Score(Math.min(1.0, relevance), about, reasons);
    }
}
