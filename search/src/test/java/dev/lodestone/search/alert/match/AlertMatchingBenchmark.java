package dev.lodestone.search.alert.match;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.TaggedArticle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Articles per second matched against N realistic rules, with the monitor and the naive way, side by side.
 * Run from the {@code search} module after {@code mvn -o -pl search test-compile}:
 * <pre>
 * mvn -q -o -pl search dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx2g -cp search/target/classes:search/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.lodestone.search.alert.match.AlertMatchingBenchmark 10000 2
 * </pre>
 * Arguments: rules (default 10,000), threads (default 2). Each thread calls {@code match} on its own share of
 * the articles, as two matching consumers would.
 */
public final class AlertMatchingBenchmark {
    private static final int WORDS = 540;

    private AlertMatchingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int ruleCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        SyntheticNews news = new SyntheticNews(42);
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < ruleCount; i++) {
            rules.add(news.rule(i));
        }
        List<TaggedArticle> articles = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            articles.add(news.article(i, WORDS));
        }
        AtomicLong matches = new AtomicLong();
        try (AlertMatcher monitor = new AlertMatcher()) {
            long start = System.nanoTime();
            if (!monitor.registerAll(rules).isEmpty()) {
                throw new IllegalStateException("the generator wrote an invalid rule");
            }
            double registerSeconds = (System.nanoTime() - start) / 1e9;
            NaiveMatcher naive = new NaiveMatcher();
            rules.forEach(naive::register);

            Instant now = Instant.now();
            run(articles.subList(0, 300), threads, article -> monitor.match(article, now).size());
            Rate monitorRate = run(articles, threads, article -> {
                int found = monitor.match(article, now).size();
                matches.addAndGet(found);
                return found;
            });
            List<TaggedArticle> naiveSample = articles.subList(0, Math.max(threads * 20, 200_000 / ruleCount));
            run(naiveSample.subList(0, Math.min(10, naiveSample.size())), threads, naive::match);
            Rate naiveRate = run(naiveSample, threads, naive::match);

            System.out.printf(Locale.ROOT, "%d rules registered in %.2f s; %.2f matches per article on average%n",
                    ruleCount, registerSeconds, matches.get() / (double) articles.size());
            System.out.printf(Locale.ROOT, "load average during the run: %.1f on %d cores%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "| way | threads | articles | articles/s (wall) | articles per CPU-s "
                    + "| × %d cores to itself |%n| --- | --- | --- | --- | --- | --- |%n", threads);
            row("monitor (two-pass term presearcher)", threads, articles.size(), monitorRate);
            row("naive (each rule on a MemoryIndex)", threads, naiveSample.size(), naiveRate);
            System.out.printf(Locale.ROOT, "monitor / naive, per CPU-second: %.0f×%n",
                    monitorRate.perCpuSecond() / naiveRate.perCpuSecond());
        }
    }

    private static void row(String way, int threads, int articles, Rate rate) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.0f |%n", way, threads, articles,
                rate.perSecond(), rate.perCpuSecond(), rate.perCpuSecond() * threads);
    }

    /** Matching function that may throw, for the naive way's IOException. */
    private interface Matching {
        Object match(TaggedArticle article) throws Exception;
    }

    /**
     * Articles per second with {@code threads} threads each matching its share: by the wall clock, and per
     * second of CPU the matching threads got. On a machine shared with other work the second tells what the
     * code does; {@code threads} times it is the rate with as many cores to itself.
     */
    private static Rate run(List<TaggedArticle> articles, int threads, Matching matching) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try {
            long start = System.nanoTime();
            List<Future<Long>> shares = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                shares.add(pool.submit(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    for (int i = first; i < articles.size(); i += threads) {
                        matching.match(articles.get(i));
                    }
                    return cpu.getCurrentThreadCpuTime() - cpuStart;
                }));
            }
            long cpuNanos = 0;
            for (Future<Long> share : shares) {
                cpuNanos += share.get();
            }
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            return new Rate(articles.size() / wallSeconds, articles.size() / (cpuNanos / 1e9));
        } finally {
            pool.shutdown();
        }
    }

    /** Articles per wall-clock second, and per CPU-second of the matching threads. */
    private record Rate(double perSecond, double perCpuSecond) {}
}
