package dev.lodestone.analyze;

import dev.lodestone.analyze.quote.QuoteFinder;
import dev.lodestone.analyze.relevance.DealRelevance;
import dev.lodestone.analyze.tag.MentionTagger;
import dev.lodestone.analyze.watchlist.Entity;
import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.core.Article;
import dev.lodestone.core.Mention;
import dev.lodestone.core.Quote;
import dev.lodestone.core.TaggedArticle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an article into a tagged article: its mentions, the entities they name, the statements of watched
 * people, and how much it is about the watched story. Pure and immutable: no Kafka, safe to share between
 * threads, and a changed watch-list means a new analyzer. Stories are assigned by the caller, which holds
 * the story state.
 */
public final class ArticleAnalyzer {
    private final Map<String, Entity> watched;
    private final MentionTagger tagger;
    private final QuoteFinder quotes;
    private final DealRelevance relevance;
    private final Clock clock;

    public ArticleAnalyzer(Watchlist watchlist, Clock clock) {
        this.watched = watchlist.byId();
        this.tagger = new MentionTagger(watchlist);
        this.quotes = new QuoteFinder(watchlist);
        this.relevance = new DealRelevance(watchlist);
        this.clock = clock;
    }

    public TaggedArticle analyze(Article article) {
        List<Mention> inTitle = tagger.tag(article.title(), Mention.TITLE);
        List<Mention> inBody = tagger.tag(article.body(), Mention.BODY);
        List<Mention> mentions = new ArrayList<>(inTitle);
        mentions.addAll(inBody);
        List<Quote> said = new ArrayList<>(quotes.find(article.title(), Mention.TITLE, inTitle));
        said.addAll(quotes.find(article.body(), Mention.BODY, inBody));
        Map<String, String> kinds = new LinkedHashMap<>();
        mentions.forEach(m -> kinds.putIfAbsent(m.entity(), watched.get(m.entity()).kind()));
        DealRelevance.Score score = relevance.score(mentions);
        return new TaggedArticle(TaggedArticle.SCHEMA, article, List.copyOf(kinds.keySet()), kinds, mentions, said,
                score.relevance(), score.about(), score.reasons(), article.id(), true, clock.instant());
    }
}
