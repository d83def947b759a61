package dev.lodestone.search.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import dev.lodestone.core.Json;
import dev.lodestone.search.alert.AlertService;
import dev.lodestone.search.alert.deliver.AlertAtomFeed;
import dev.lodestone.search.alert.deliver.RecentAlerts;
import dev.lodestone.search.alert.deliver.WebhookTargets;
import dev.lodestone.search.alert.match.InvalidRuleException;
import dev.lodestone.search.alert.match.RulePreview;
import dev.lodestone.search.alert.match.RuleQuery;
import dev.lodestone.search.index.ArticleIndex;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The alert half of the API: rules (create, list, read, replace, delete, preview), the recent alerts, and an Atom
 * feed per rule. A rule is validated exactly as the matcher will build it ({@link RuleQuery}), so a rule the API
 * accepts is a rule that matches, and a refused one says what is wrong and where.
 */
final class AlertApi {
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final Set<String> MODES = Set.of(AlertRule.REALTIME, AlertRule.HOURLY, AlertRule.DAILY);
    private static final int DEFAULT_MAX_PER_HOUR = 20;
    private static final String ATOM = ".atom";

    private final ArticleIndex index;
    private final AlertService alerts;
    private final Clock clock;

    AlertApi(ArticleIndex index, AlertService alerts, Clock clock) {
        this.index = index;
        this.alerts = alerts;
        this.clock = clock;
    }

    void routes(Javalin server) {
        server.post("/api/alert-rules/preview", this::preview);
        server.post("/api/alert-rules", this::create);
        server.get("/api/alert-rules", ctx -> ctx.json(new Rules(alerts.rules().stream()
                .sorted(Comparator.comparing(AlertRule::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)))
                .toList())));
        server.get("/api/alert-rules/{id}", ctx -> ctx.json(existing(ctx.pathParam("id"))));
        server.put("/api/alert-rules/{id}", this::replace);
        server.delete("/api/alert-rules/{id}", this::delete);
        server.get("/api/alerts", this::recent);
        server.get("/alerts/{file}", this::atom);
    }

    private void create(Context ctx) throws InterruptedException {
        RuleDraft draft = draft(ctx);
        String id = draft.id() == null || draft.id().isBlank() ? newId(draft.name()) : checkedId(draft.id());
        if (alerts.rule(id).isPresent()) {
            throw new Refused(HttpStatus.CONFLICT, "a rule with id " + id + " exists; replace it with PUT");
        }
        Instant now = now();
        AlertRule rule = valid(draft.toRule(id, now, now));
        alerts.save(rule);
        ctx.status(HttpStatus.CREATED).header("Location", "/api/alert-rules/" + id).json(rule);
    }

    private void replace(Context ctx) throws InterruptedException {
        String id = checkedId(ctx.pathParam("id"));
        RuleDraft draft = draft(ctx);
        if (draft.id() != null && !draft.id().equals(id)) {
            throw new Refused(HttpStatus.BAD_REQUEST, "the body's id " + draft.id() + " is not the path's " + id);
        }
        Instant now = now();
        Instant created = alerts.rule(id).map(AlertRule::createdAt).orElse(now);
        AlertRule rule = valid(draft.toRule(id, created, now));
        alerts.save(rule);
        ctx.json(rule);
    }

    private void delete(Context ctx) throws InterruptedException {
        AlertRule rule = existing(ctx.pathParam("id"));
        alerts.delete(rule.id());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void preview(Context ctx) throws IOException {
        RuleDraft draft = draft(ctx);
        Instant now = now();
        AlertRule rule = valid(draft.toRule(draft.id() == null ? "preview" : draft.id(), now, now));
        ctx.json(index.withSearcher(searcher -> RulePreview.of(rule, searcher, now)));
    }

    /** The latest state of each alert received after {@code since}, oldest change first. */
    private void recent(Context ctx) {
        String since = ctx.queryParam("since");
        Instant after;
        try {
            after = since == null || since.isBlank() ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "since must be an instant like 2025-10-05T09:30:00Z, not '"
                    + since + "'");
        }
        String rule = ctx.queryParam("rule");
        Map<String, RecentAlerts.Received> latest = new LinkedHashMap<>();
        for (RecentAlerts.Received received : alerts.recent().since(rule == null || rule.isBlank() ? null : rule, after)) {
            latest.remove(received.alert().id());
            latest.put(received.alert().id(), received);
        }
        ctx.json(new Alerts(List.copyOf(latest.values())));
    }

    private void atom(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(ATOM)) {
            throw new Refused(HttpStatus.NOT_FOUND, "alert feeds are at /alerts/{ruleId}.atom");
        }
        AlertRule rule = existing(file.substring(0, file.length() - ATOM.length()));
        List<Alert> recent = alerts.recent().since(rule.id(), null).stream().map(RecentAlerts.Received::alert).toList();
        ctx.contentType("application/atom+xml; charset=utf-8").result(AlertAtomFeed.render(rule, recent));
    }

    private AlertRule existing(String id) {
        return alerts.rule(id).orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "no alert rule with id " + id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The rule as the matcher will see it, or a 400 saying what is wrong with it. */
    private static AlertRule valid(AlertRule rule) {
        if (rule.query().isBlank()) {
            throw new Refused(HttpStatus.BAD_REQUEST, "a rule needs a query");
        }
        if (!MODES.contains(rule.mode())) {
            throw new Refused(HttpStatus.BAD_REQUEST, "mode must be realtime, hourly or daily, not '" + rule.mode() + "'");
        }
        for (AlertRule.DeliveryTarget target : rule.targets()) {
            if (!WebhookTargets.WEBHOOK.equals(target.type())) {
                throw new Refused(HttpStatus.BAD_REQUEST, "target type must be webhook, not '" + target.type() + "'");
            }
            if (!isWebAddress(target.url())) {
                throw new Refused(HttpStatus.BAD_REQUEST, "a webhook needs an http or https URL, not '" + target.url() + "'");
            }
        }
        try {
            RuleQuery.of(rule);
        } catch (InvalidRuleException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return rule;
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(Objects.requireNonNullElse(url, ""));
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static RuleDraft draft(Context ctx) {
        try {
            RuleDraft draft = Json.MAPPER.readValue(ctx.bodyAsBytes(), RuleDraft.class);
            if (draft == null) {
                throw new Refused(HttpStatus.BAD_REQUEST, "the body must be a rule as JSON");
            }
            return draft;
        } catch (JsonProcessingException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "the body is not a rule: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "the body could not be read: " + e.getMessage());
        }
    }

    private static String checkedId(String id) {
        if (!RULE_ID.matcher(id).matches()) {
            throw new Refused(HttpStatus.BAD_REQUEST, "a rule id is 1 to 80 letters, digits, '.', '_' or '-', not '"
                    + id + "'");
        }
        return id;
    }

    /** A readable id: the name as a slug, and a random suffix so that two rules of one name do not collide. */
    private static String newId(String name) {
        String slug = Objects.requireNonNullElse(name, "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return (slug.isEmpty() ? "rule" : slug) + "-" + HexFormat.of().formatHex(random);
    }

    /** A rule as a client sends it: everything but the query may be left out. */
    record RuleDraft(String id, String name, String query, Map<String, String> filters, String mode,
                     Integer maxPerHour, Boolean notifyUpdates, List<AlertRule.DeliveryTarget> targets,
                     List<String> owners) {
        AlertRule toRule(String ruleId, Instant createdAt, Instant updatedAt) {
            String text = Objects.requireNonNullElse(query, "");
            return new AlertRule(AlertRule.SCHEMA, ruleId, name == null || name.isBlank() ? text : name.strip(), text,
                    filters, mode, maxPerHour == null ? DEFAULT_MAX_PER_HOUR : maxPerHour,
                    notifyUpdates == null || notifyUpdates, targets, owners, createdAt, updatedAt);
        }
    }

    /** The body of {@code GET /api/alert-rules}. */
    record Rules(List<AlertRule> rules) {}

    /** The body of {@code GET /api/alerts}. */
    record Alerts(List<RecentAlerts.Received> alerts) {}

    /** A request the alert API turns down, with the status that says why. */
    static final class Refused extends RuntimeException {
        private final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }

        HttpStatus status() {
            return status;
        }
    }
}
