package dev.lodestone.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topic names, and their creation by whichever service starts first. Registry-like topics (feeds, alert
 * rules, story signatures, alerts) are compacted so that they keep the latest state per key forever. Articles and
 * tagged articles are kept forever too: they are the record from which an index is rebuilt, so Kafka's
 * default of seven days would silently cap what a rebuilt index holds.
 */
public final class Topics {
    public static final String ARTICLES = "lodestone.articles";
    public static final String TAGGED = "lodestone.tagged";
    public static final String FEEDS = "lodestone.feeds";
    /** Alerts keyed by {@code ruleId:storyId}, compacted: the latest state of each (rule, story) is kept. */
    public static final String ALERTS = "lodestone.alerts";
    /** Matches of rules against articles, keyed by {@code ruleId:storyId} so one consumer owns each pair. */
    public static final String ALERT_MATCHES = "lodestone.alert-matches";
    public static final String ALERT_RULES = "lodestone.alert-rules";
    /** Each article's near-duplicate signature and story, so every analyze instance shares one story state. */
    public static final String STORIES = "lodestone.stories";

    private static final Duration STORIES_RETENTION = Duration.ofDays(30);
    private static final Set<String> COMPACTED = Set.of(FEEDS, ALERT_RULES, STORIES, ALERTS);
    private static final Set<String> KEPT_FOREVER = Set.of(ARTICLES, TAGGED);
    private static final List<String> ALL = List.of(ARTICLES, TAGGED, FEEDS, ALERTS, ALERT_MATCHES, ALERT_RULES, STORIES);

    private Topics() {}

    /** Creates every topic that does not exist yet; existing ones are left as they are. */
    public static void ensureExist(Admin admin, int partitions) throws InterruptedException {
        short replication = (short) Math.min(3, clusterSize(admin));
        Set<String> existing = existingTopics(admin);
        List<NewTopic> missing = new ArrayList<>();
        for (String name : ALL) {
            if (!existing.contains(name)) {
                NewTopic topic = new NewTopic(name, partitions, replication);
                if (name.equals(STORIES)) {
                    // Signatures matter only within the story window; compaction alone would keep one per article forever.
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete",
                            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(STORIES_RETENTION.toMillis())));
                } else if (COMPACTED.contains(name)) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                } else if (KEPT_FOREVER.contains(name)) {
                    topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
                }
                missing.add(topic);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkaUnavailableException("could not create topics: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private static int clusterSize(Admin admin) throws InterruptedException {
        try {
            return admin.describeCluster().nodes().get().size();
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("Kafka is not reachable: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static Set<String> existingTopics(Admin admin) throws InterruptedException {
        try {
            return admin.listTopics().names().get();
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("Kafka is not reachable: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
