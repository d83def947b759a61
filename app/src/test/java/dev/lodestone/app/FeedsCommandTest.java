package dev.lodestone.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.FeedState;
import dev.lodestone.ingest.registry.FeedRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsCommandTest {
    @TempDir
    Path data;

    @Test
    void importedFeedsJoinTheRegistryAndARemovedOneLeavesIt() throws Exception {
        Path opml = Path.of("src/test/resources/two-feeds.opml");

        assertEquals(0, Lodestone.commandLine().execute("feeds", "import", opml.toString(), "--data", data.toString()));
        assertEquals(0, Lodestone.commandLine().execute("feeds", "remove", "https://www.dawn.com/feeds/home",
                "--data", data.toString()));

        try (EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), 0)) {
            List<String> feeds = FeedRegistry.read(kafka.bootstrapServers()).stream().map(FeedState::url).toList();
            assertEquals(List.of("https://tribune.com.pk/feed/home"), feeds);
        }
    }
}
