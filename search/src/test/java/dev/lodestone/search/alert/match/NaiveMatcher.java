package dev.lodestone.search.alert.match;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.index.ArticleSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/** The way without a monitor: every rule in turn against a one-document in-memory index of the article. */
final class NaiveMatcher {
    private final Map<String, Query> rules = new LinkedHashMap<>();

    void register(AlertRule rule) {
        rules.put(rule.id(), RuleQuery.of(rule));
    }

    List<String> match(TaggedArticle article) throws IOException {
        MemoryIndex index = MemoryIndex.fromDocument(ArticleDocument.of(article), ArticleSchema.analyzer());
        IndexSearcher searcher = index.createSearcher();
        List<String> matched = new ArrayList<>();
        for (Map.Entry<String, Query> rule : rules.entrySet()) {
            if (searcher.count(rule.getValue()) > 0) {
                matched.add(rule.getKey());
            }
        }
        return matched;
    }
}
