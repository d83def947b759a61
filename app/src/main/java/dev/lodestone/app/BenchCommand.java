package dev.lodestone.app;

import dev.lodestone.analyze.eval.MentionEvaluation;
import dev.lodestone.analyze.story.StoryClusterer;
import dev.lodestone.analyze.tag.TaggerBenchmark;
import dev.lodestone.analyze.watchlist.WatchlistLoader;
import dev.lodestone.analyze.story.StoryEvaluation;
import dev.lodestone.app.bench.AnalyzeThroughput;
import dev.lodestone.app.bench.CrashBenchmark;
import dev.lodestone.app.bench.FeedReadingSpeed;
import dev.lodestone.app.bench.MemoryBenchmark;
import dev.lodestone.app.bench.PipelineBenchmark;
import dev.lodestone.ingest.extract.bench.ExtractionBenchmark;
import dev.lodestone.search.alert.match.bench.AlertMatchingBenchmark;
import dev.lodestone.search.benchmark.AlertLatencyBenchmark;
import dev.lodestone.search.benchmark.SearchBenchmark;
import dev.lodestone.ingest.extract.bench.MetadataBenchmark;
import dev.lodestone.ingest.feed.FeedCorpusBenchmark;
import dev.lodestone.newswire.FeedFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lodestone bench}: the benchmarks behind the numbers in BENCHMARKS.md, each printing a table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Lodestone's speed and quality; each benchmark prints a table.",
        subcommands = {BenchCommand.PipelineRun.class, BenchCommand.Crash.class, BenchCommand.Memory.class,
                BenchCommand.Extraction.class, BenchCommand.Metadata.class, BenchCommand.FeedCorpus.class,
                BenchCommand.Search.class, BenchCommand.AlertMatching.class, BenchCommand.AlertLatency.class, BenchCommand.Tagger.class, BenchCommand.Analyze.class,
                BenchCommand.Mentions.class, BenchCommand.Stories.class})
final class BenchCommand {

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "The whole pipeline in one process on a local synthetic newswire: sustained articles/s and "
                    + "latency from appearing in a feed to searchable and to alerted, beside the extraction stage alone, "
                    + "and the CPU time per article of each stage. Targets: 70%% of the extraction ceiling; p99 within "
                    + "the poll interval plus 2 s.")
    static final class PipelineRun implements Callable<Integer> {
        @Option(names = "--articles", defaultValue = "6000", description = "Articles measured: half in the burst, half "
                + "paced. Default: ${DEFAULT-VALUE}.")
        int articles;

        @Option(names = "--warm-up", defaultValue = "2000", description = "Articles through the pipeline before "
                + "anything is measured, so that it runs compiled, as a service that has run a while does. "
                + "Default: ${DEFAULT-VALUE}.")
        int warmUp;

        @Option(names = "--poll", defaultValue = "PT1S", description = "Feed poll interval. Default: ${DEFAULT-VALUE}.")
        Duration poll;

        @Override
        public Integer call() throws Exception {
            PipelineBenchmark.Result r = PipelineBenchmark.run(articles, warmUp, poll, System.err);
            System.out.printf("%-46s %,12.0f articles/s  (%,d in %.1f s, after %,d to warm up)%n",
                    "pipeline, burst (feed to searchable)", r.articlesPerSecond(), r.burst(), r.burstSeconds(), r.warmUp());
            System.out.printf("%-46s %,12.0f pages/s     (pipeline at %.0f%% of it; target 70%%)%n",
                    "extraction alone, one thread (ceiling)", r.extractionCeiling(),
                    100 * r.articlesPerSecond() / r.extractionCeiling());
            System.out.printf("%-46s %,9d ms p50 %,7d ms p99  (%,d articles at %.0f/s; target p99 <= %,d ms)%n",
                    "latency, feed to searchable", r.latencyP50Millis(), r.latencyP99Millis(), r.paced(), r.pacedRate(),
                    r.pollInterval().toMillis() + 2000);
            System.out.printf("%-46s %,9d ms p50 %,7d ms p99  (%,d of the %,d articles match the rule)%n",
                    "latency, feed to alerted", r.alertP50Millis(), r.alertP99Millis(), r.alerted(), r.paced());
            System.out.printf("%nCPU per article in the burst, by stage (alone, per page: extraction %.2f ms, fetching "
                    + "%.2f ms)%n", 1000 / r.extractionCeiling(), r.fetchCpuMillis());
            long total = r.burstCpuNanos().values().stream().mapToLong(Long::longValue).sum();
            r.burstCpuNanos().forEach((stage, nanos) -> System.out.printf("  %-44s %,8.2f ms%n", stage,
                    nanos / 1e6 / r.burst()));
            System.out.printf("  %-44s %,8.2f ms  (%.1f cores busy)%n", "all", total / 1e6 / r.burst(),
                    total / 1e9 / r.burstSeconds());
            return 0;
        }
    }

    @Command(name = "memory", mixinStandardHelpOptions = true,
            description = "The heap of the whole pipeline in one process holding a large index: builds the index from "
                    + "synthetic articles, runs the pipeline on it with live articles and queries, prints heap after a "
                    + "full GC. Run with the heap to check, e.g. LODESTONE_JAVA_OPTS=-Xmx1g. Target: steady in 1 GB "
                    + "at 1,000,000 articles.")
    static final class Memory implements Callable<Integer> {
        @Option(names = "--articles", defaultValue = "1000000", description = "Articles in the index. Default: ${DEFAULT-VALUE}.")
        int articles;

        @Option(names = "--live", defaultValue = "1000", description = "Articles then fed through the pipeline. Default: ${DEFAULT-VALUE}.")
        int live;

        @Option(names = "--rate", defaultValue = "10", description = "Live articles per second. Default: ${DEFAULT-VALUE}.")
        double rate;

        @Override
        public Integer call() throws Exception {
            MemoryBenchmark.Result r = MemoryBenchmark.run(articles, live, rate, System.err);
            System.out.printf("%-46s %,12d articles + %,d live in %.0f s, %,d queries%n", "index", r.indexed(),
                    r.live(), r.liveSeconds(), r.queries());
            System.out.printf("%-46s %,12d MB%n", "max heap (-Xmx)", r.maxHeapBytes() >> 20);
            System.out.printf("%-46s %,12d MB  (peak %,d MB while running; %,d GCs, %,d ms)%n",
                    "heap used after a full GC, pipeline running", r.heapAfterGcBytes() >> 20, r.peakHeapBytes() >> 20,
                    r.gcCount(), r.gcMillis());
            return 0;
        }
    }

    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = "Article-body F1 on the extraction benchmark beside other extractors' scores, and pages/s "
                    + "on one thread. Targets: F1 >= 0.970, 100 pages/s.")
    static final class Extraction implements Callable<Integer> {
        @Option(names = "--dir", defaultValue = "../shared/benchmarks/article-extraction",
                description = "The benchmark folder (html/, ground-truth.json, peers/). Default: ${DEFAULT-VALUE}.")
        Path dir;

        @Override
        public Integer call() throws Exception {
            ExtractionBenchmark.main(new String[] {dir.toString()});
            return 0;
        }
    }

    @Command(name = "metadata", mixinStandardHelpOptions = true,
            description = "Title, byline, published time and language against Readability's saved pages. "
                    + "Targets: 95%%, 80%%, 90%%, 95%%.")
    static final class Metadata implements Callable<Integer> {
        @Option(names = "--dir", defaultValue = "../shared/corpora/readability-pages",
                description = "The corpus folder. Default: ${DEFAULT-VALUE}.")
        Path dir;

        @Override
        public Integer call() throws Exception {
            MetadataBenchmark.main(new String[] {dir.toString()});
            return 0;
        }
    }

    @Command(name = "feeds", mixinStandardHelpOptions = true,
            description = "Agreement of item title, link, published time and author with gofeed's expected values, "
                    + "and how many 50-item feeds are read per second on one thread. Target: 95%%.")
    static final class FeedCorpus implements Callable<Integer> {
        @Option(names = "--dir", defaultValue = "../shared/corpora/gofeed-testdata/translator",
                description = "gofeed's translator test data. Default: ${DEFAULT-VALUE}.")
        Path dir;

        @Override
        public Integer call() throws Exception {
            FeedCorpusBenchmark.main(new String[] {dir.toString()});
            for (FeedFormat format : FeedFormat.values()) {
                System.out.printf("%-62s %,10.0f feeds/s%n", "reading a 50-item " + format + " feed whole, one thread",
                        FeedReadingSpeed.feedsPerSecond(format));
                System.out.printf("%-62s %,10.0f feeds/s%n", "polling it again with one new item, one thread",
                        FeedReadingSpeed.pollsWithOneNewItemPerSecond(format));
            }
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Builds an index of synthetic articles and measures indexing rate, size per article, the "
                    + "latency of a fixed mix of analyst queries with facets and highlights, and heap after GC. Targets at "
                    + "1,000,000 articles: 3,000 articles/s, p50 <= 20 ms, p99 <= 100 ms.")
    static final class Search implements Callable<Integer> {
        @Option(names = "--articles", defaultValue = "1000000", description = "Articles. Default: ${DEFAULT-VALUE}.")
        int articles;

        @Override
        public Integer call() throws Exception {
            SearchBenchmark.main(new String[] {String.valueOf(articles)});
            return 0;
        }
    }

    @Command(name = "alerts", mixinStandardHelpOptions = true,
            description = "Alert matching: articles/s against generated rules (watch-list entities, phrases, Boolean "
                    + "clauses, exclusions, filters) by reverse search, beside matching every rule one by one on a "
                    + "one-document index, after checking both find the same rules. Target: 1,000 articles/s with "
                    + "10,000 rules on 2 cores.")
    static final class AlertMatching implements Callable<Integer> {
        @Option(names = "--rules", defaultValue = "10000", description = "Rules. Default: ${DEFAULT-VALUE}.")
        int rules;

        @Option(names = "--threads", defaultValue = "2", description = "Matching threads. Default: ${DEFAULT-VALUE}.")
        int threads;

        @Override
        public Integer call() {
            AlertMatchingBenchmark.main(new String[] {String.valueOf(rules), String.valueOf(threads)});
            return 0;
        }
    }

    @Command(name = "alert-latency", mixinStandardHelpOptions = true,
            description = "From a tagged article reaching the search service to its alert accepted by a local "
                    + "webhook, through matching, deciding and delivery on an embedded broker, at a steady rate. "
                    + "Target: p99 <= 500 ms over 10,000 articles.")
    static final class AlertLatency implements Callable<Integer> {
        @Option(names = "--articles", defaultValue = "10000", description = "Articles. Default: ${DEFAULT-VALUE}.")
        int articles;

        @Option(names = "--rate", defaultValue = "50", description = "Articles per second. Default: ${DEFAULT-VALUE}.")
        int rate;

        @Override
        public Integer call() throws Exception {
            AlertLatencyBenchmark.main(new String[] {String.valueOf(articles), String.valueOf(rate)});
            return 0;
        }
    }

    @Command(name = "tagger", mixinStandardHelpOptions = true,
            description = "The mention tagger's speed on one thread over generated news text, after warm-up. "
                    + "Target: 50 MB/s.")
    static final class Tagger implements Callable<Integer> {
        @Option(names = "--megabytes", defaultValue = "50", description = "Text to tag. Default: ${DEFAULT-VALUE}.")
        double megabytes;

        @Override
        public Integer call() {
            System.out.println(TaggerBenchmark.run(WatchlistLoader.bundled(), megabytes, 42).row());
            return 0;
        }
    }

    @Command(name = "mentions", mixinStandardHelpOptions = true,
            description = "Entity precision and recall and the F1 of 'about' on the labelled evaluation set. "
                    + "Targets: precision >= 0.97, recall >= 0.95, about F1 >= 0.92.")
    static final class Mentions implements Runnable {
        @Option(names = "--set", paramLabel = "FILE", description = "Another labelled set (JSON lines). Default: the bundled one.")
        String set;

        @Override
        public void run() {
            MentionEvaluation.main(set == null ? new String[0] : new String[] {set});
        }
    }

    @Command(name = "stories", mixinStandardHelpOptions = true,
            description = "Pairwise precision and recall of story clustering on the labelled set of wire copies and "
                    + "near-misses, then on a synthetic stream, and the clustering rate. Targets: 0.95 each.")
    static final class Stories implements Callable<Integer> {
        @Override
        public Integer call() {
            StoryClusterer.Settings settings = StoryClusterer.Settings.DEFAULT;
            System.out.println("Labelled set: " + StoryEvaluation.evaluate(StoryEvaluation.bundled(), settings));
            var stream = StoryEvaluation.syntheticStream(20_000, 42);
            System.out.println("Synthetic stream: " + StoryEvaluation.evaluate(stream, settings));
            System.out.println("Throughput, one thread: " + StoryEvaluation.measureThroughput(stream, settings));
            return 0;
        }
    }

    @Command(name = "analyze", mixinStandardHelpOptions = true,
            description = "The analyze service's sustained rate through an embedded broker, with transactions on, from its "
                    + "first committed batch to its last; its start-up time is printed beside. Target: 5,000 articles/s.")
    static final class Analyze implements Callable<Integer> {
        @Option(names = "--articles", defaultValue = "50000", description = "Articles to tag. Default: ${DEFAULT-VALUE}.")
        int articles;

        @Override
        public Integer call() throws Exception {
            AnalyzeThroughput.Result result = AnalyzeThroughput.run(articles, System.err);
            System.out.printf("%-34s %12s %10s %12s %10s%n", "benchmark", "articles", "seconds", "articles/s", "start s");
            System.out.printf("%-34s %,12d %10.2f %,12.0f %10.2f%n", "analyze service (transactions on)",
                    result.articles(), result.seconds(), result.articlesPerSecond(), result.startSeconds());
            return 0;
        }
    }

    @Command(name = "crash", mixinStandardHelpOptions = true,
            description = "Kills the pipeline (or its broker) with SIGKILL at random moments while a local newswire "
                    + "publishes, restarting it each time, then counts the index and a webhook receiver: articles lost "
                    + "or duplicated, alerts lost or duplicated. Target: all zero. Exit code 1 when not.")
    static final class Crash implements Callable<Integer> {
        @Option(names = "--cycles", defaultValue = "20", description = "Kills. Default: ${DEFAULT-VALUE}.")
        int cycles;

        @Option(names = "--articles", defaultValue = "500", description = "Articles published. Default: ${DEFAULT-VALUE}.")
        int articles;

        @Option(names = "--kill", paramLabel = "pipeline|broker", defaultValue = "pipeline",
                description = "What is killed: the whole pipeline with its embedded broker, or a broker running in a "
                        + "process of its own under a pipeline that stays up. Default: ${DEFAULT-VALUE}.")
        String kill;

        @Option(names = "--max-uptime", defaultValue = "PT5S",
                description = "Longest run between ready and the next kill. Default: ${DEFAULT-VALUE}.")
        Duration maxUptime;

        @Option(names = "--seed", defaultValue = "1", description = "Content and kill moments. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() throws Exception {
            CrashBenchmark.Victim victim = switch (kill) {
                case "pipeline" -> CrashBenchmark.Victim.PIPELINE;
                case "broker" -> CrashBenchmark.Victim.BROKER;
                default -> throw new IllegalArgumentException("--kill must be pipeline or broker, not " + kill);
            };
            CrashBenchmark.Result result = CrashBenchmark.run(
                    new CrashBenchmark.Settings(cycles, articles, victim, maxUptime, seed), System.err);
            System.out.println(result.table());
            return result.clean() ? 0 : 1;
        }
    }
}
