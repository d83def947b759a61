package dev.lodestone.ingest.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;

/**
 * A successful response, body decompressed and within the size cap.
 *
 * @param url         where the body came from after redirects, the base for its relative links
 * @param status      200-299, or 304 when the validators sent still match
 * @param contentType the {@code Content-Type} header, empty when absent
 * @param body        the decoded bytes; shared, not copied, so treat them as read-only
 * @param validators  to send with the next request for the same resource
 */
public record FetchResponse(URI url, int status, String contentType, byte[] body, Validators validators) {
    public static final int NOT_MODIFIED = 304;

    public boolean notModified() {
        return status == NOT_MODIFIED;
    }

    /**
     * The charset the server declared. Empty when it declared none or one this JVM lacks: the consumer then
     * decides from the body itself (a BOM, an XML prolog, an HTML {@code <meta charset>}).
     */
    public Optional<Charset> charset() {
        for (String parameter : contentType.split(";")) {
            String[] nameValue = parameter.trim().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].trim().toLowerCase(Locale.ROOT).equals("charset")) {
                String name = nameValue[1].trim().replace("\"", "");
                try {
                    return Optional.of(Charset.forName(name));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
