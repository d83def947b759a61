package dev.lodestone.analyze.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StorySignatureTest {
    private static final Instant T0 = Instant.parse("2025-10-03T06:00:00Z");

    @Test
    void aSignatureReadBackFromJsonRestoresItsStory() {
        StoryClusterer clusterer = new StoryClusterer(StoryClusterer.Settings.DEFAULT);
        StorySignature signature = clusterer.assign("first-shipment-wire", LabelledSet.body("first-shipment-wire"), T0)
                .signature();

        StorySignature readBack = Json.fromBytes(Json.toString(signature).getBytes(StandardCharsets.UTF_8),
                StorySignature.class);
        StoryClusterer restored = new StoryClusterer(StoryClusterer.Settings.DEFAULT);
        assertTrue(restored.remember(readBack));

        assertEquals(signature, readBack);
        assertEquals("first-shipment-wire", restored.assign("first-shipment-tribune",
                LabelledSet.body("first-shipment-tribune"), T0).storyId());
    }

    @Test
    void aTruncatedMinHashIsRefusedNamingTheArticle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StorySignature(StorySignature.SCHEMA, "a1", "a1", T0, 40, "AAAA"));

        assertTrue(e.getMessage().contains("a1"), e.getMessage());
    }
}
