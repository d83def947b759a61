package dev.lodestone.app.bench;

import dev.lodestone.newswire.Outlet;
import dev.lodestone.newswire.SampleArticle;
import dev.lodestone.newswire.SampleArticles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Newswire content in which every article is a story of its own, so that the alerts a rule must raise can be
 * counted from the content alone: one per matching article. The bundled samples cannot serve, since their
 * copies are wire copies and rightly cluster into shared stories. Each body here is the samples' vocabulary in
 * a random order, whose five-word shingles no two articles share, with two marker words planted for alert
 * rules to find: {@link #EVERY} in every article and {@link #EVERY_THIRD} in articles 0, 3, 6...
 */
final class DistinctStories {
    /** In every article's body. */
    static final String EVERY = "quokka";
    /** In the body of every article whose index is a multiple of three. */
    static final String EVERY_THIRD = "narwhal";
    private static final int PARAGRAPHS = 4;
    private static final int WORDS_PER_PARAGRAPH = 45;

    private DistinctStories() {}

    static SampleArticles generate(int articles, long seed) {
        SampleArticles samples = SampleArticles.bundled();
        List<String> words = vocabulary(samples);
        Random random = new Random(seed);
        List<Outlet> generated = PipelineBenchmark.outletsFor(samples, articles);
        int outlets = generated.size();
        Instant base = Instant.parse("2025-10-01T00:00:00Z");
        List<SampleArticle> content = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            SampleArticle model = samples.articles().get(i % samples.articles().size());
            List<String> paragraphs = new ArrayList<>();
            for (int p = 0; p < PARAGRAPHS; p++) {
                paragraphs.add(paragraph(words, random, p == 0 ? markers(i) : List.of()));
            }
            String title = "Dispatch " + i + ": " + capitalised(String.join(" ", pick(words, random, 6)));
            content.add(new SampleArticle(generated.get(i % outlets).id(), "dispatch-" + i, title, model.author(),
                    model.section(), base.plusSeconds(i), paragraphs, null));
        }
        return new SampleArticles("Distinct random-word stories for the crash benchmark.", generated, content);
    }

    /** Whether article {@code index} carries {@link #EVERY_THIRD}. */
    static boolean hasEveryThird(int index) {
        return index % 3 == 0;
    }

    private static List<String> markers(int index) {
        return hasEveryThird(index) ? List.of(EVERY, EVERY_THIRD) : List.of(EVERY);
    }

    private static String paragraph(List<String> words, Random random, List<String> planted) {
        List<String> text = pick(words, random, WORDS_PER_PARAGRAPH);
        for (String marker : planted) {
            text.add(1 + random.nextInt(text.size() - 1), marker);
        }
        StringBuilder paragraph = new StringBuilder();
        for (int start = 0; start < text.size(); start += 9) {
            String sentence = String.join(" ", text.subList(start, Math.min(text.size(), start + 9)));
            paragraph.append(paragraph.length() == 0 ? "" : " ").append(capitalised(sentence)).append('.');
        }
        return paragraph.toString();
    }

    private static List<String> pick(List<String> words, Random random, int count) {
        List<String> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picked.add(words.get(random.nextInt(words.size())));
        }
        return picked;
    }

    /** The lower-case words of the sample texts, without the markers, so only planted markers match. */
    private static List<String> vocabulary(SampleArticles samples) {
        Set<String> words = new LinkedHashSet<>();
        for (SampleArticle article : samples.articles()) {
            for (String paragraph : article.paragraphs()) {
                for (String word : paragraph.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                    if (word.length() >= 3) {
                        words.add(word);
                    }
                }
            }
        }
        words.remove(EVERY);
        words.remove(EVERY_THIRD);
        return List.copyOf(words);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
