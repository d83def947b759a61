package dev.lodestone.search.alert.match.bench;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.alert.match.AlertMatcher;
import dev.lodestone.search.alert.match.RuleMatch;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Articles per second matched against N generated rules ({@link SyntheticNews}), by {@link AlertMatcher} as
 * the matching service does, and by the naive way ({@link NaiveMatcher}: every rule in turn on a
 * one-document index), side by side. Before it prints a rate it checks that both ways found the same rules on
 * the articles both matched, so the speed-up is never bought with a different answer.
 *
 * <p>{@code java ... AlertMatchingBenchmark [rules] [threads]}: 10,000 rules and 2 threads by default. Target: at least 1,000 articles/s with 10,000 rules
 * on two cores. The CPU-second rate is what the matching threads did with the CPU they got; on a machine shared
 * with other work it says more than the wall clock.
 */
public final class AlertMatchingBenchmark {
    private static final long SEED = 42;
    private static final int ARTICLES = 5_000;
    private static final int WARM_UP_ARTICLES = 1_000;
    private static final int WORDS_PER_ARTICLE = 540;
    /** Naive matching costs about a second per article per 100,000 rules: a sample keeps it to seconds. */
    private static final int NAIVE_RULE_MATCHES = 400_000;

    /** What one run measured; rates are articles per second of wall clock and per CPU-second of the matchers. */
    public record Result(int rules, int threads, double monitorPerSecond, double monitorPerCpuSecond,
                         double naivePerSecond, double naivePerCpuSecond, double rulesTriedPerArticle,
                         double matchesPerArticle, double registerSeconds) {
        /** How many times faster the monitor is than the naive way, by the wall clock. */
        public double ratio() {
            return monitorPerSecond / naivePerSecond;
        }
    }

    private AlertMatchingBenchmark() {}

    public static void main(String[] args) {
        int rules = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        run(rules, threads, System.out);
    }

    /** Measures matching with {@code threads} threads and prints the table to {@code progress}. */
    public static Result run(int ruleCount, int threads, PrintStream progress) {
        SyntheticNews news = new SyntheticNews(SEED);
        List<AlertRule> rules = new ArrayList<>(ruleCount);
        for (int i = 0; i < ruleCount; i++) {
            rules.add(news.rule(i));
        }
        List<TaggedArticle> articles = new ArrayList<>(ARTICLES + WARM_UP_ARTICLES);
        for (int i = 0; i < ARTICLES + WARM_UP_ARTICLES; i++) {
            articles.add(news.article(i, WORDS_PER_ARTICLE));
        }
        List<TaggedArticle> warmUp = articles.subList(ARTICLES, articles.size());
        List<TaggedArticle> measured = articles.subList(0, ARTICLES);
        progress.printf(Locale.ROOT, "Matching %,d articles against %,d generated rules with %d threads%n",
                measured.size(), ruleCount, threads);
        try (AlertMatcher matcher = new AlertMatcher()) {
            long start = System.nanoTime();
            if (!matcher.registerAll(rules).isEmpty()) {
                throw new IllegalStateException("the generator wrote an invalid rule");
            }
            double registerSeconds = (System.nanoTime() - start) / 1e9;
            Instant now = Instant.now();
            time(warmUp, threads, article -> matcher.match(article, now));
            long triedBefore = matcher.rulesTried();
            Timed<List<RuleMatch>> monitor = time(measured, threads, article -> matcher.match(article, now));
            double rulesTried = (matcher.rulesTried() - triedBefore) / (double) measured.size();

            NaiveMatcher naive = new NaiveMatcher();
            rules.forEach(naive::register);
            List<TaggedArticle> sample = measured.subList(0,
                    Math.min(measured.size(), Math.max(threads * 10, NAIVE_RULE_MATCHES / ruleCount)));
            time(sample.subList(0, threads), threads, naive::match);
            Timed<List<String>> oneByOne = time(sample, threads, naive::match);
            for (int i = 0; i < sample.size(); i++) {
                List<String> byMonitor = monitor.results().get(i).stream().map(match -> match.rule().id()).sorted().toList();
                List<String> byNaive = oneByOne.results().get(i).stream().sorted().toList();
                if (!byMonitor.equals(byNaive)) {
                    throw new IllegalStateException("article " + i + ": the monitor found " + byMonitor
                            + ", rule by rule " + byNaive);
                }
            }
            long matches = monitor.results().stream().mapToLong(List::size).sum();
            Result result = new Result(ruleCount, threads, monitor.perSecond(), monitor.perCpuSecond(),
                    oneByOne.perSecond(), oneByOne.perCpuSecond(), rulesTried, matches / (double) measured.size(),
                    registerSeconds);
            print(result, sample.size(), progress);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(Result result, int sample, PrintStream out) {
        out.printf(Locale.ROOT, "Rules registered in %.2f s; load average %.1f on %d cores during the run;"
                        + " both ways found the same rules on the %d articles both matched%n",
                result.registerSeconds(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), sample);
        out.println("| rules | threads | articles/s monitor (per CPU-s) | articles/s naive (per CPU-s) | ratio"
                + " | rules tried per article | matches per article |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        out.printf(Locale.ROOT, "| %,d | %d | %,.0f (%,.0f) | %,.1f (%,.1f) | %,.0f× | %.1f | %.2f |%n",
                result.rules(), result.threads(), result.monitorPerSecond(),
                result.monitorPerCpuSecond(), result.naivePerSecond(), result.naivePerCpuSecond(), result.ratio(),
                result.rulesTriedPerArticle(), result.matchesPerArticle());
    }

    /** Each article's result, in the articles' order, and the rates at which they were produced. */
    private record Timed<T>(List<T> results, double perSecond, double perCpuSecond) {}

    /**
     * Runs {@code matching} on every article, with {@code threads} threads taking the next article in turn as
     * consumers take records, and times it by the wall clock and by the CPU the threads used.
     */
    private static <T> Timed<T> time(List<TaggedArticle> articles, int threads, Function<TaggedArticle, T> matching) {
        List<T> results = new ArrayList<>(Collections.nCopies(articles.size(), null));
        AtomicInteger next = new AtomicInteger();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Long>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    for (int i = next.getAndIncrement(); i < articles.size(); i = next.getAndIncrement()) {
                        results.set(i, matching.apply(articles.get(i)));
                    }
                    return cpu.getCurrentThreadCpuTime() - cpuStart;
                }));
            }
            long cpuNanos = 0;
            for (Future<Long> worker : workers) {
                cpuNanos += worker.get();
            }
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            return new Timed<>(results, articles.size() / wallSeconds, articles.size() / (cpuNanos / 1e9));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while matching", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("matching failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
