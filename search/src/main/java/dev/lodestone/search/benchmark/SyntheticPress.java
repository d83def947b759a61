package dev.lodestone.search.benchmark;

import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.Mention;
import dev.lodestone.core.Quote;
import dev.lodestone.core.TaggedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Realistic synthetic coverage of the minerals deal, for measuring the index at a size no test fixture
 * reaches: outlets from Pakistan and abroad, the watch-list's entities as the press names them (with
 * correct mention offsets and quotes), news vocabulary drawn with a long tail, publication times that
 * cluster around the deal's events, and stories that several outlets run.
 *
 * <p>About one article in seven is on the story; the rest is other news in which a country or a
 * politician from the watch-list turns up now and then, as in a real crawl.
 *
 * <p>Article {@code n} depends only on the seed and {@code n}, so any number of threads can generate
 * disjoint ranges and every run builds the same index.
 */
public final class SyntheticPress {
    /** An outlet: its host name and the language it mostly publishes in. */
    private record Outlet(String host, String language) {}

    /** A watch-list entity: its id, its kind and how the press writes it. */
    private record Watched(String id, String kind, String surface) {}

    private static final List<Outlet> OUTLETS = List.of(
            new Outlet("dawn.com", "en"), new Outlet("tribune.com.pk", "en"), new Outlet("thenews.com.pk", "en"),
            new Outlet("geo.tv", "en"), new Outlet("arynews.tv", "en"), new Outlet("brecorder.com", "en"),
            new Outlet("nation.com.pk", "en"), new Outlet("pakobserver.net", "en"), new Outlet("dailytimes.com.pk", "en"),
            new Outlet("urdu.geo.tv", "ur"), new Outlet("jang.com.pk", "ur"), new Outlet("express.pk", "ur"),
            new Outlet("reuters.com", "en"), new Outlet("apnews.com", "en"), new Outlet("bloomberg.com", "en"),
            new Outlet("ft.com", "en"), new Outlet("aljazeera.com", "en"), new Outlet("bbc.com", "en"),
            new Outlet("scmp.com", "en"), new Outlet("thehindu.com", "en"), new Outlet("hindustantimes.com", "en"),
            new Outlet("globaltimes.cn", "en"), new Outlet("mining.com", "en"), new Outlet("stltoday.com", "en"),
            new Outlet("voanews.com", "en"), new Outlet("arabnews.com", "en"), new Outlet("thediplomat.com", "en"),
            new Outlet("foreignpolicy.com", "en"), new Outlet("nikkei.com", "en"), new Outlet("bbc.com/urdu", "ur"));

    private static final List<Watched> WATCHED = List.of(
            new Watched("frontier-works-organisation", "organisation", "Frontier Works Organisation"),
            new Watched("us-strategic-metals", "company", "US Strategic Metals"),
            new Watched("shehbaz-sharif", "person", "Shehbaz Sharif"),
            new Watched("asim-munir", "person", "Asim Munir"),
            new Watched("stacy-hastie", "person", "Stacy W. Hastie"),
            new Watched("donald-trump", "person", "Donald Trump"),
            new Watched("pti", "party", "PTI"),
            new Watched("sheikh-waqqas-akram", "person", "Sheikh Waqqas Akram"),
            new Watched("pasni", "place", "Pasni"),
            new Watched("gwadar", "place", "Gwadar"),
            new Watched("balochistan", "place", "Balochistan"),
            new Watched("reko-diq", "place", "Reko Diq"),
            new Watched("antimony", "mineral", "antimony"),
            new Watched("copper", "mineral", "copper concentrate"),
            new Watched("rare-earths", "mineral", "rare earths"),
            new Watched("neodymium", "mineral", "neodymium"),
            new Watched("praseodymium", "mineral", "praseodymium"),
            new Watched("china", "country", "China"),
            new Watched("india", "country", "India"),
            new Watched("quad", "organisation", "the Quad"),
            new Watched("cpec", "programme", "CPEC"),
            new Watched("sifc", "organisation", "Special Investment Facilitation Council"));

    private static final String[] TOPIC = ("minerals deal shipment export agreement memorandum investment mining "
            + "port refinery supply chain critical strategic million dollars billion tonnes consignment contract "
            + "signed officials ministry army government opposition parliament security corridor reserves "
            + "processing smelter extraction licence royalty partnership Washington Islamabad Karachi Quetta "
            + "Missouri province federal military civilian transparency terms cabinet approval").split(" ");

    private static final String[] COMMON = ("the a of to in and said on for with that by was is as at from it its "
            + "has have be will an which would this after their were also more than but not they about over new "
            + "two first last year week month since could had been who other some into under while when what "
            + "week told reporters statement according sources people country plans talks visit meeting deal "
            + "report analysts expected announced further between against during before among several however "
            + "including local foreign economic political public private major senior spokesman added called "
            + "asked price market prices demand trade global energy power cost rise fall growth budget loan "
            + "agency company companies firm firms industry sector development project projects work workers "
            + "area region regional national international world state states city cities day days time").split(" ");

    /** Other news mentions a country now and then but none of the deal's people, places or minerals. */
    private static final List<Watched> GENERAL = List.of(
            new Watched("china", "country", "China"), new Watched("india", "country", "India"),
            new Watched("donald-trump", "person", "Donald Trump"), new Watched("balochistan", "place", "Balochistan"),
            new Watched("pti", "party", "PTI"), new Watched("shehbaz-sharif", "person", "Shehbaz Sharif"));
    private static final int ON_STORY_PERCENT = 15;
    private static final String[] RARE = rareWords(50_000);

    private static final long START = Instant.parse("2025-08-01T00:00:00Z").toEpochMilli();
    private static final long SPAN = Instant.parse("2025-12-31T00:00:00Z").toEpochMilli() - START;
    private static final long[] EVENTS = {
            Instant.parse("2025-09-08T10:00:00Z").toEpochMilli(), Instant.parse("2025-10-05T06:00:00Z").toEpochMilli(),
            Instant.parse("2025-10-12T09:00:00Z").toEpochMilli()};
    private static final long DAY = 86_400_000L;

    private final long seed;

    public SyntheticPress(long seed) {
        this.seed = seed;
    }

    /** The watch-list ids the generator mentions, for queries. */
    public static List<String> entityIds() {
        return WATCHED.stream().map(Watched::id).toList();
    }

    /**
     * Article number {@code n}. About a third are copies of a recent story run by another outlet, with
     * the same text and story id, published up to a day later.
     */
    public TaggedArticle article(long n) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        long story = n > 50 && random.nextInt(3) == 0 ? n - 1 - random.nextInt(50) : n;
        Outlet outlet = OUTLETS.get(skewed(random, OUTLETS.size()));
        SplittableRandom text = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + story + 0x5DEECE66DL);
        long published = publishedAt(text) + (story == n ? 0 : random.nextLong(DAY));
        return write(n, story, outlet, Instant.ofEpochMilli(published), text);
    }

    private TaggedArticle write(long n, long story, Outlet outlet, Instant published, SplittableRandom random) {
        boolean onStory = random.nextInt(100) < ON_STORY_PERCENT;
        int entities = onStory ? 2 + random.nextInt(6) : 1 + random.nextInt(2);
        Set<Watched> chosen = new LinkedHashSet<>();
        while (chosen.size() < entities) {
            chosen.add(onStory ? WATCHED.get(skewed(random, WATCHED.size())) : GENERAL.get(random.nextInt(GENERAL.size())));
        }
        List<Watched> named = new ArrayList<>(chosen);

        StringBuilder title = new StringBuilder();
        List<Mention> mentions = new ArrayList<>();
        appendMention(title, named.get(0), Mention.TITLE, mentions);
        title.append(' ');
        appendWords(title, 4 + random.nextInt(6), random, onStory);
        capitalise(title);
        Mention opening = mentions.get(0);
        mentions.set(0, new Mention(opening.entity(), title.substring(opening.start(), opening.end()), Mention.TITLE,
                opening.start(), opening.end()));

        StringBuilder body = new StringBuilder();
        List<Quote> quotes = new ArrayList<>();
        int sentences = 14 + random.nextInt(16);
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                body.append(s % 5 == 0 ? "\n\n" : " ");
            }
            int sentenceStart = body.length();
            appendWords(body, 3 + random.nextInt(8), random, false);
            body.append(' ');
            if (onStory && random.nextInt(3) == 0) {
                body.append(TOPIC[skewed(random, TOPIC.length)]).append(' ');
            }
            Watched entity = named.get(random.nextInt(named.size()));
            appendMention(body, entity, Mention.BODY, mentions);
            body.append(' ');
            if (entity.kind().equals("person") && random.nextInt(4) == 0) {
                body.append("said \"");
                int start = body.length();
                appendWords(body, 6 + random.nextInt(8), random, onStory);
                quotes.add(new Quote(entity.id(), body.substring(start), Mention.BODY, start, body.length()));
                body.append('"');
            } else {
                appendWords(body, 4 + random.nextInt(10), random, false);
            }
            body.append('.');
            body.setCharAt(sentenceStart, Character.toUpperCase(body.charAt(sentenceStart)));
        }

        String host = outlet.host();
        String url = "https://" + host + "/news/" + n + "/" + slug(title);
        Article article = new Article(Article.SCHEMA, ArticleId.of(url), url, "https://" + host + "/feed",
                host.contains("/") ? host.substring(0, host.indexOf('/')) : host, title.toString(), null,
                body.toString(), published, "json-ld", published.plusSeconds(300), outlet.language(), 1, null);
        Map<String, String> kinds = new LinkedHashMap<>();
        named.forEach(entity -> kinds.put(entity.id(), entity.kind()));
        double relevance = onStory ? 0.5 + random.nextDouble() * 0.5 : random.nextDouble() * 0.4;
        return new TaggedArticle(TaggedArticle.SCHEMA, article, named.stream().map(Watched::id).toList(), kinds,
                mentions, quotes, relevance, relevance >= 0.6, List.of(), "story-" + story, false,
                published.plusSeconds(310));
    }

    /** Times cluster around the deal's events, with a steady background of coverage. */
    private static long publishedAt(SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return START + random.nextLong(SPAN);
        }
        long event = EVENTS[random.nextInt(EVENTS.length)];
        double days = -Math.log(1 - random.nextDouble()) * 4;
        return event + (long) (days * DAY);
    }

    private static void appendMention(StringBuilder text, Watched entity, String field, List<Mention> mentions) {
        int start = text.length();
        text.append(entity.surface());
        mentions.add(new Mention(entity.id(), entity.surface(), field, start, text.length()));
    }

    private static void appendWords(StringBuilder text, int count, SplittableRandom random, boolean topical) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            int pick = random.nextInt(8);
            if (topical && pick == 0) {
                text.append(TOPIC[skewed(random, TOPIC.length)]);
            } else if (pick < 5) {
                text.append(COMMON[skewed(random, COMMON.length)]);
            } else {
                text.append(RARE[(int) (RARE.length * Math.pow(random.nextDouble(), 3))]);
            }
        }
    }

    /**
     * A long tail of made-up words, as many as a year of news has distinct terms, so that rare words are
     * rare and postings lists have realistic lengths.
     */
    private static String[] rareWords(int count) {
        String[] onsets = "b c d f g h j k l m n p r s t v w z ch sh th br tr st pl gr".split(" ");
        String[] vowels = "a e i o u ai ea ou".split(" ");
        String[] codas = ",n,r,s,t,l,m,nd,st,rk".split(",", -1);
        String[] words = new String[count];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < count; i++) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                word.append(onsets[random.nextInt(onsets.length)]).append(vowels[random.nextInt(vowels.length)]);
            }
            words[i] = word.append(codas[random.nextInt(codas.length)]).toString();
        }
        return words;
    }

    /** An index in {@code [0, size)}, low ones far likelier: a long tail, like word and outlet frequencies. */
    private static int skewed(SplittableRandom random, int size) {
        double r = random.nextDouble();
        return (int) (size * r * r);
    }

    private static void capitalise(StringBuilder text) {
        text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
    }

    private static String slug(CharSequence title) {
        String slug = title.toString().toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
