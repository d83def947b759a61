package dev.lodestone.search.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lodestone.core.AlertRule;
import dev.lodestone.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The rules Lodestone ships with, from {@code /alert/default-rules.json}: coverage of the deal (articles that
 * are about it) and one rule per core actor (FWO, USSM, the Pasni port, the shipment's minerals with Pakistan).
 * They use watch-list entity ids rather than spellings, so they inherit every alias analyze knows. Published to
 * the rules topic on first start only, so that an edit or a deletion by a user is never undone.
 */
public final class DefaultRules {
    private static final String RESOURCE = "/alert/default-rules.json";

    private DefaultRules() {}

    /** The shipped rules, stamped as created and updated at {@code now}. */
    public static List<AlertRule> load(Instant now) {
        try (InputStream in = DefaultRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default alert rules are missing from the classpath: " + RESOURCE);
            }
            List<AlertRule> rules = Json.MAPPER.readValue(in, new TypeReference<List<AlertRule>>() {});
            return rules.stream()
                    .map(rule -> new AlertRule(AlertRule.SCHEMA, rule.id(), rule.name(), rule.query(), rule.filters(),
                            rule.mode(), rule.maxPerHour(), rule.notifyUpdates(), rule.targets(), rule.owners(), now, now))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}
