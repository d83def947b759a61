package dev.lodestone.search.alert.match.bench;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.alert.match.ArticleDocument;
import dev.lodestone.search.alert.match.RuleQuery;
import dev.lodestone.search.index.ArticleSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Alert matching without a monitor: every rule in turn against a one-document in-memory index of the article.
 * The yardstick the monitor is measured against, and the reference it must agree with.
 */
public final class NaiveMatcher {
    private final Map<String, Query> rules = new LinkedHashMap<>();

    public void register(AlertRule rule) {
        rules.put(rule.id(), RuleQuery.of(rule));
    }

    /** The ids of the rules that match {@code article}, in the order they were registered. */
    public List<String> match(TaggedArticle article) {
        IndexSearcher searcher = MemoryIndex.fromDocument(ArticleDocument.of(article), ArticleSchema.analyzer())
                .createSearcher();
        List<String> matched = new ArrayList<>();
        try {
            for (Map.Entry<String, Query> rule : rules.entrySet()) {
                if (searcher.count(rule.getValue()) > 0) {
                    matched.add(rule.getKey());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not match article " + article.id(), e);
        }
        return matched;
    }
}
