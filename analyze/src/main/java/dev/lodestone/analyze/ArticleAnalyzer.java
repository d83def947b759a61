package dev.lodestone.analyze;

import dev.lodestone.analyze.relevance.DealRelevance;
import dev.lodestone.analyze.tag.MentionTagger;
import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.core.Article;
import dev.lodestone.core.Mention;
import dev.lodestone.core.TaggedArticle;
import java.time.Clock;
import dev.lodestone.analyze.watchlist.Entity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns an article into a tagged article: its mentions, the entities they name and how much it is about
 * the watched story. Pure: no Kafka, so it is tested and benchmarked on values.
 *
 * <p>Until story clustering exists, every article is its own story ({@code storyId} = article id).
 */
public final class ArticleAnalyzer {
    private final Map<String, Entity> entities;
    private final MentionTagger tagger;
    private final DealRelevance relevance;
    private final Clock clock;

    public ArticleAnalyzer(Watchlist watchlist, Clock clock) {
        this.entities = watchlist.byId();
        this.tagger = new MentionTagger(watchlist);
        this.relevance = new DealRelevance(watchlist);
        this.clock = clock;
    }

    public TaggedArticle analyze(Article article) {
        List<Mention> mentions = new ArrayList<>(tagger.tag(article.title(), Mention.TITLE));
        mentions.addAll(tagger.tag(article.body(), Mention.BODY));
        LinkedHashSet<String> entities = new LinkedHashSet<>();
        mentions.forEach(m -> entities.add(m.entity()));
        DealRelevance.Score score = relevance.score(mentions);
        return new TaggedArticle(TaggedArticle.SCHEMA, article, List.copyOf(entities), kinds(entities), mentions, List.of(),
                score.relevance(), score.about(), score.reasons(), article.id(), true, clock.instant());
    }

    private Map<String, String> kinds(Collection<String> ids) {
        Map<String, String> kinds = new LinkedHashMap<>();
        ids.forEach(id -> kinds.put(id, entities.get(id).kind()));
        return kinds;
    }
}
