package dev.lodestone.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.lodestone.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The schema.org JSON-LD a page embeds for search engines, flattened out of arrays and {@code @graph}s.
 * Pages declare many things this way (the site, its breadcrumbs, the publisher); only the node typed as an
 * article ({@code NewsArticle}, {@code BlogPosting}, {@code Report}...) speaks for the story, so its fields
 * are read first; a page whose story node has some other type ({@code MedicalWebPage}) is still known by
 * its {@code headline}. Blocks are read as browsers' search-engine consumers read them: wrapped in
 * {@code <![CDATA[ ]]>} as XHTML-minded CMSs write them, with raw line breaks inside strings or trailing
 * commas as hand-built templates leave them; blocks broken beyond that are skipped.
 */
final class LinkedData {
    private static final Pattern CDATA = Pattern.compile("^\\s*<!\\[CDATA\\[|]]>\\s*$");
    private static final ObjectReader LENIENT = Json.MAPPER.reader()
            .with(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .with(JsonReadFeature.ALLOW_TRAILING_COMMA);
    private static final Pattern ARTICLE_TYPE = Pattern.compile(".*(Article|Posting)|Report|APIReference");

    private final List<JsonNode> nodes;
    private final JsonNode article;

    private LinkedData(List<JsonNode> nodes) {
        this.nodes = nodes;
        this.article = nodes.stream().filter(LinkedData::isArticle).findFirst()
                .or(() -> nodes.stream().filter(node -> node.path("headline").isTextual()).findFirst())
                .orElse(null);
    }

    static LinkedData of(Document page) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                JsonNode root = LENIENT.readTree(CDATA.matcher(script.data()).replaceAll(""));
                if (root != null && isSchemaOrg(root.path("@context"))) {
                    flatten(root, nodes);
                }
            } catch (JsonProcessingException malformed) {
                continue;
            }
        }
        return new LinkedData(nodes);
    }

    /** The node that describes the article itself, if the page has one. */
    Optional<JsonNode> article() {
        return Optional.ofNullable(article);
    }

    /** Every node, the article first: for fields, like dates, that other nodes may carry when it does not. */
    List<JsonNode> nodesArticleFirst() {
        if (article == null) {
            return nodes;
        }
        List<JsonNode> ordered = new ArrayList<>(nodes.size());
        ordered.add(article);
        nodes.stream().filter(node -> node != article).forEach(ordered::add);
        return ordered;
    }

    /**
     * The node a reference points to: {@code {"@id": "..."}} alone names a node defined elsewhere in the
     * page's graph, as WordPress SEO plugins write authors; anything else is itself.
     */
    JsonNode resolved(JsonNode reference) {
        if (reference.isObject() && reference.size() == 1 && reference.path("@id").isTextual()) {
            String id = reference.get("@id").asText();
            for (JsonNode node : nodes) {
                if (node != reference && id.equals(node.path("@id").asText(null)) && node.size() > 1) {
                    return node;
                }
            }
        }
        return reference;
    }

    /** A field's text (the first, if it is a list), entities decoded; empty when absent or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        JsonNode first = value.isArray() ? value.path(0) : value;
        return first.isTextual() ? Parser.unescapeEntities(first.asText(), false).strip() : "";
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.path("@type");
        for (JsonNode one : type.isArray() ? type : List.of(type)) {
            if (one.isTextual() && ARTICLE_TYPE.matcher(one.asText()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Without a context the vocabulary is assumed to be schema.org, the only one news pages use. */
    private static boolean isSchemaOrg(JsonNode context) {
        if (context.isMissingNode()) {
            return true;
        }
        String vocabulary = context.isObject() ? context.path("@vocab").asText("") : context.toString();
        return vocabulary.contains("schema.org");
    }

    private static void flatten(JsonNode node, List<JsonNode> into) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> flatten(element, into));
        } else if (node.isObject()) {
            into.add(node);
            flatten(node.get("@graph"), into);
        }
    }
}
