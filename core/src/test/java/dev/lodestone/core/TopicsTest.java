package dev.lodestone.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicsTest {
    @TempDir
    Path data;

    @Test
    void registriesAreCompactedAndArticlesAreKeptForeverAndASecondCallChangesNothing() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data, 0);
             Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "test"))) {
            Topics.ensureExist(admin, 2);
            Topics.ensureExist(admin, 5);

            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.FEEDS),
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.TAGGED))).all().get();
            assertEquals("compact", configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.FEEDS))
                    .get("cleanup.policy").value());
            assertEquals("-1", configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.TAGGED))
                    .get("retention.ms").value());
            assertEquals(2, admin.describeTopics(List.of(Topics.ARTICLES)).allTopicNames().get()
                    .get(Topics.ARTICLES).partitions().size());
        }
    }
}
