package dev.lodestone.search.alert.deliver;

import dev.lodestone.core.Alert;
import dev.lodestone.core.Json;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JSON body of a webhook POST and its headers. The body has a {@code text} field that Slack and Mattermost
 * show as it is, and the whole alert under {@code alert} for programs.
 *
 * <p>{@value #SIGNATURE_HEADER} is {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes under the
 * target's secret, so a receiver can verify the sender without trusting the network. {@value #IDEMPOTENCY_HEADER}
 * is the same for every attempt at the same alert: the alert id (which carries the revision for updates) and
 * its kind.
 */
public record WebhookMessage(byte[] body, String idempotencyKey) {
    public static final String SIGNATURE_HEADER = "X-Lodestone-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    /** The message for {@code alert}. */
    public static WebhookMessage of(Alert alert) {
        return new WebhookMessage(Json.toBytes(new Body(text(alert), alert)), alert.id() + "/" + alert.kind());
    }

    /** The signature header value for this body under {@code secret}. */
    public String signature(String secret) {
        return "sha256=" + hmacSha256Hex(secret, body);
    }

    /** The hex HMAC-SHA256 of {@code body} under {@code secret}. */
    public static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    /** One line a person reads in a chat channel. */
    static String text(Alert alert) {
        String what = switch (alert.kind()) {
            case "new" -> "New";
            case "updated" -> "Updated";
            case "digest" -> "Digest";
            case "gap" -> "Coverage gap";
            case "gap-closed" -> "Coverage gap closed";
            default -> alert.kind();
        };
        StringBuilder text = new StringBuilder(what).append(" · ").append(alert.ruleName()).append(": ")
                .append(alert.title());
        if (alert.url() != null) {
            text.append(" <").append(alert.url()).append(">");
        }
        List<String> outlets = alert.outlets();
        if (!outlets.isEmpty()) {
            text.append(" (").append(String.join(", ", outlets)).append(")");
        }
        if (!alert.matchedTerms().isEmpty()) {
            text.append(" · why: ").append(String.join(", ", alert.matchedTerms()));
        }
        if (alert.kind().equals("digest") || alert.kind().equals("gap")) {
            text.append("\n").append(alert.snippet());
        }
        return text.toString();
    }

    /** What is POSTed. */
    record Body(String text, Alert alert) {}
}
