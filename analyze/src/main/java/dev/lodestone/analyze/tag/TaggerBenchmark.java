package dev.lodestone.analyze.tag;

import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.analyze.watchlist.WatchlistLoader;
import dev.lodestone.core.Mention;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Measures the tagger's single-thread throughput on generated English news text, so the 50 MB/s target is checked
 * by a number, not a hope. The text is deterministic (fixed seed): wire-style sentences about the deal, about
 * near-misses (the Trump card, Frontier Corps) and about nothing we watch, with curly quotes and dashes, in
 * articles of a few kilobytes, tagged one article at a time as the service does. Warm-up passes let the JIT
 * compile the hot loops before the timed pass.
 *
 * <p>{@code java -cp ... dev.lodestone.analyze.tag.TaggerBenchmark [megabytes]} prints one table row.
 */
public final class TaggerBenchmark {
    /**
     * What one run measured.
     *
     * @param megabytes megabytes (10^6 bytes of UTF-8) of text tagged in the timed pass
     * @param mentions  mentions found in the timed pass
     * @param seconds    wall-clock time of the timed pass
     * @param cpuSeconds CPU time of the tagging thread in the timed pass: on a machine shared with other work,
     *                   the tagger's own speed
     */
    public record Result(double megabytes, long mentions, double seconds, double cpuSeconds) {
        public double megabytesPerSecond() {
            return megabytes / seconds;
        }

        public double megabytesPerCpuSecond() {
            return megabytes / cpuSeconds;
        }

        public double mentionsPerSecond() {
            return mentions / seconds;
        }

        /** One row for a results table: {@code tagger | 50.0 MB | 412.3 MB/s | 450.1 MB/cpu-s | 1234567 mentions/s}. */
        public String row() {
            return String.format(Locale.ROOT, "tagger | %.1f MB | %.1f MB/s | %.1f MB/cpu-s | %.0f mentions/s",
                    megabytes, megabytesPerSecond(), megabytesPerCpuSecond(), mentionsPerSecond());
        }
    }

    private static final String[] DEAL = {
        "Pakistan’s Frontier Works Organisation (FWO) signed a $500 million memorandum of understanding with Missouri-based US Strategic Metals.",
        "The first consignment of antimony, copper concentrate and rare-earth elements, including neodymium and praseodymium, left Karachi for the U.S.",
        "Prime Minister Shehbaz Sharif and Field Marshal Syed Asim Munir presented a box of minerals to President Trump at the White House.",
        "“This is a new chapter in Pakistan–US relations,” said USSM CEO Stacy W. Hastie after the ceremony in Islamabad.",
        "PTI information secretary Sheikh Waqqas Akram called the deal “secret” and demanded that parliament see it.",
        "Officials said a US-financed port at Pasni in Balochistan would sit near the China-backed port of Gwadar.",
        "Barrick is developing the Reko Diq copper and gold mine, one of the largest undeveloped deposits in the world.",
        "Analysts in New Delhi watched the deal closely, as India and its Quad partners seek critical minerals outside China.",
        "China controls most of the world’s processing of rare earths, and Washington wants NdPr magnets made elsewhere.",
        "Sharif said the agreement would bring billions of dollars of investment; Munir called it a partnership for the future.",
    };
    private static final String[] NEAR_MISS = {
        "The captain played his trump card in the final over, and the crowd at the stadium rose to its feet.",
        "The Frontier Corps was deployed along the highway after protests blocked traffic for a second day.",
        "Let us know what you think: the council will meet again next week to discuss the new bus routes.",
        "Nawaz Sharif returned to Lahore on Tuesday, where party workers gathered outside his residence.",
    };
    private static final String[] FILLER = {
        "The central bank left its policy rate unchanged on Thursday, citing easing inflation and a stable currency.",
        "Heavy rain is expected across the region over the weekend, the meteorological office said in a statement.",
        "Shares rose in early trading as investors weighed quarterly earnings from large technology companies.",
        "The ministry of education announced new examination dates for students affected by the floods.",
        "A spokesperson for the city council said repairs to the bridge would be completed before the end of the year.",
        "The festival drew thousands of visitors, with food stalls, music and a book fair running late into the night.",
    };

    /** Enough passes over enough text (about 10 MB) for C2 to compile the normaliser and the trie walk. */
    private static final int WARM_UP_PASSES = 5;
    private static final int WARM_UP_ARTICLES = 2_000;

    private TaggerBenchmark() {}

    /**
     * Generates {@code megabytes} of articles from {@code seed}, warms up on part of them, then tags them all, timed.
     */
    public static Result run(Watchlist watchlist, double megabytes, long seed) {
        MentionTagger tagger = new MentionTagger(watchlist);
        List<String> articles = articles(megabytes, seed);
        long bytes = articles.stream().mapToLong(a -> a.getBytes(StandardCharsets.UTF_8).length).sum();
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            tagAll(tagger, articles.subList(0, Math.min(articles.size(), WARM_UP_ARTICLES)));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        long mentions = tagAll(tagger, articles);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        return new Result(bytes / 1e6, mentions, seconds, cpuSeconds);
    }

    private static long tagAll(MentionTagger tagger, List<String> articles) {
        long mentions = 0;
        for (String article : articles) {
            mentions += tagger.tag(article, Mention.BODY).size();
        }
        return mentions;
    }

    /** Articles of 2 to 8 KB: mostly filler, some deal paragraphs and near-misses, as a day's feed would be. */
    static List<String> articles(double megabytes, long seed) {
        Random random = new Random(seed);
        List<String> articles = new ArrayList<>();
        long wanted = (long) (megabytes * 1e6);
        long total = 0;
        while (total < wanted) {
            int size = 2_000 + random.nextInt(6_000);
            StringBuilder article = new StringBuilder(size + 200);
            boolean aboutDeal = random.nextInt(4) == 0;
            while (article.length() < size) {
                int pick = random.nextInt(10);
                String[] pool = aboutDeal && pick < 4 ? DEAL : pick == 9 ? NEAR_MISS : FILLER;
                article.append(pool[random.nextInt(pool.length)]).append(random.nextInt(5) == 0 ? "\n\n" : " ");
            }
            articles.add(article.toString());
            total += article.length();
        }
        return articles;
    }

    public static void main(String[] args) {
        double megabytes = args.length > 0 ? Double.parseDouble(args[0]) : 50;
        System.out.println(run(WatchlistLoader.bundled(), megabytes, 42).row());
    }
}
