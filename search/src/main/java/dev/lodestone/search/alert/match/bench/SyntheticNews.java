package dev.lodestone.search.alert.match.bench;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.TaggedArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Random;

/**
 * Articles and alert rules drawn from the watch-list's entity ids and a news vocabulary
 * ({@code news-vocabulary.txt} beside this class), seeded so every run is the same. Words follow a Zipf law as in real
 * text; rules mix what analysts write: entity clauses, phrases, Boolean combinations, exclusions and the search
 * page's filters.
 */
public final class SyntheticNews {
    private static final List<String> ENTITIES = List.of("pakistan", "united-states", "china", "india", "quad",
            "frontier-works-organisation", "us-strategic-metals", "shehbaz-sharif", "asim-munir", "donald-trump",
            "stacy-hastie", "pakistan-tehreek-e-insaf", "sheikh-waqqas-akram", "pasni", "gwadar", "balochistan",
            "reko-diq", "barrick", "antimony", "copper", "neodymium", "praseodymium", "rare-earth-elements",
            "critical-minerals");
    private static final List<String> SOURCES = List.of("dawn.com", "tribune.com.pk", "thenews.com.pk", "geo.tv",
            "reuters.com", "bloomberg.com", "apnews.com", "aljazeera.com", "brecorder.com", "arynews.tv");
    private static final String[] FILLER = ("the of and to a in that is was for on with as by at from it its has "
            + "have had be been will would which who this after also but not an are were more than over about into "
            + "their they he she his her we our new two three first last on monday tuesday wednesday thursday friday")
            .split(" ");
    /**
     * Head words from the file, then a long tail of names of people, places and firms, as in real news. Each name
     * comes once, so that a rare word is as rare as its rank says.
     */
    private static final int VOCABULARY = 30_000;
    private static final String[] SYLLABLES = ("ka ra shi dan ba lo zar mir ko ta han gul pur bad nag"
            + " sel vor tek mun az ri fa qa wal de sin jan ul").split(" ");
    private static final Instant START = Instant.parse("2025-09-01T00:00:00Z");

    private final Random random;
    private final String[] vocabulary;
    private final int headWords;
    private final double[] zipf;

    public SyntheticNews(long seed) {
        this.random = new Random(seed);
        List<String> words = new ArrayList<>(vocabularyFile().lines()
                .filter(line -> !line.startsWith("#"))
                .flatMap(line -> Arrays.stream(line.trim().split("\\s+")))
                .filter(word -> !word.isEmpty())
                .toList());
        this.headWords = words.size();
        Set<String> names = new HashSet<>(words);
        while (words.size() < VOCABULARY) {
            String name = name();
            if (names.add(name)) {
                words.add(name);
            }
        }
        this.vocabulary = words.toArray(String[]::new);
        this.zipf = new double[vocabulary.length];
        double sum = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            sum += 1.0 / (i + 1);
            zipf[i] = sum;
        }
        for (int i = 0; i < zipf.length; i++) {
            zipf[i] /= sum;
        }
    }

    /** An article of about {@code words} words, with 3 to 8 entities, from one of ten outlets. */
    public TaggedArticle article(int n, int words) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < words; i++) {
            body.append(random.nextInt(3) == 0 ? word() : FILLER[random.nextInt(FILLER.length)]).append(' ');
            if (i % 18 == 17) {
                body.setCharAt(body.length() - 1, '.');
                body.append(' ');
            }
        }
        String title = word() + " " + word() + " " + word() + " " + word() + " " + word();
        String url = "https://" + SOURCES.get(random.nextInt(SOURCES.size())) + "/news/" + n;
        Instant published = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
        Article article = new Article(Article.SCHEMA, ArticleId.of(url), url, null, url.split("/")[2], title, null,
                body.toString(), published, "meta", published, "en", 1, null);
        List<String> entities = new ArrayList<>();
        for (int i = 3 + random.nextInt(6); i > 0; i--) {
            String entity = ENTITIES.get(random.nextInt(ENTITIES.size()));
            if (!entities.contains(entity)) {
                entities.add(entity);
            }
        }
        return new TaggedArticle(TaggedArticle.SCHEMA, article, entities, Map.of(), List.of(), List.of(), 0.5,
                random.nextBoolean(), List.of(), "story-" + n, true, published);
    }

    /** A rule as an analyst would write one. */
    public AlertRule rule(int n) {
        Map<String, String> filters = new LinkedHashMap<>();
        String query = switch (random.nextInt(6)) {
            case 0 -> "entity:" + entity() + " AND " + rareWord();
            case 1 -> "\"" + phrase() + "\" AND (" + rareWord() + " OR " + rareWord() + ")";
            case 2 -> rareWord() + " AND " + rareWord() + " -" + word();
            case 3 -> "entity:" + entity() + " AND entity:" + entity() + " AND " + rareWord();
            case 4 -> "title:" + rareWord() + " OR \"" + rareWord() + " " + rareWord() + "\"~3";
            default -> {
                if (random.nextBoolean()) {
                    filters.put("source", SOURCES.get(random.nextInt(SOURCES.size())));
                } else {
                    filters.put("about", "true");
                }
                if (random.nextInt(3) == 0) {
                    filters.put("from", "2025-10-0" + (1 + random.nextInt(9)));
                }
                yield rareWord() + " AND (" + word() + " OR entity:" + entity() + ")";
            }
        };
        return new AlertRule(AlertRule.SCHEMA, "rule-" + n, "Rule " + n, query, filters, AlertRule.REALTIME, 0, false,
                List.of(), List.of(), START, START);
    }

    private String entity() {
        return ENTITIES.get(random.nextInt(ENTITIES.size()));
    }

    /** A word by Zipf's law: common words often, rare ones seldom. */
    private String word() {
        double p = random.nextDouble();
        int index = Arrays.binarySearch(zipf, p);
        return vocabulary[Math.min(index < 0 ? -index - 1 : index, vocabulary.length - 1)];
    }

    /**
     * A distinctive word as analysts pick them: a name or a specific term, past the few hundred commonest words
     * of the news but not so rare that it never appears.
     */
    private String rareWord() {
        return vocabulary[200 + random.nextInt(20_000)];
    }

    /** Two words that stand together in the vocabulary file, such as "supply chain" or "Reko Diq". */
    private String phrase() {
        int first = random.nextInt(headWords - 1);
        return vocabulary[first] + " " + vocabulary[first + 1];
    }

    private static String vocabularyFile() {
        try (InputStream in = SyntheticNews.class.getResourceAsStream("news-vocabulary.txt")) {
            if (in == null) {
                throw new IllegalStateException("news-vocabulary.txt is missing beside " + SyntheticNews.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read news-vocabulary.txt", e);
        }
    }

    /** A made-up proper name of two to four syllables. */
    private String name() {
        StringBuilder name = new StringBuilder();
        for (int i = 2 + random.nextInt(3); i > 0; i--) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
        return name.toString();
    }
}
