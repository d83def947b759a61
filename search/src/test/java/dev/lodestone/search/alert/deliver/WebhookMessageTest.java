package dev.lodestone.search.alert.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.core.Alert;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookMessageTest {
    @Test
    void theSignatureIsTheHmacSha256OfTheBodyInHex() {
        WebhookMessage message = new WebhookMessage("{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8), "k");

        // echo -n '{"text":"hi"}' | openssl dgst -sha256 -hmac key
        assertEquals("sha256=4991614ca6c44269ceb8b70b29c9f2f01e282054edd8c25ef406431d3cb6e36c",
                message.signature("key"));
    }

    @Test
    void aDigestListsItsStoriesInTheText() {
        Alert digest = new Alert(Alert.SCHEMA, "deal:digest:2025-10-05T09:00:00Z", "digest", "deal", "The deal", null,
                "2 alerts for The deal", null, "• One <https://a>\n• Two <https://b>", List.of(), List.of(), List.of(),
                null);

        assertEquals("Digest · The deal: 2 alerts for The deal\n• One <https://a>\n• Two <https://b>",
                WebhookMessage.text(digest));
    }

    @Test
    void theIdempotencyKeyIsTheAlertIdAndKind() {
        Alert updated = new Alert(Alert.SCHEMA, "deal:story-1:updated:3", "updated", "deal", "The deal", "story-1",
                "T", "https://a", "", List.of(), List.of(), List.of(), null);

        assertEquals("deal:story-1:updated:3/updated", WebhookMessage.of(updated).idempotencyKey());
    }
}
