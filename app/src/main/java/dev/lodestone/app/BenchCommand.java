package dev.lodestone.app;

import dev.lodestone.app.bench.AnalyzeThroughput;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lodestone bench}: the benchmarks behind the numbers in BENCHMARKS.md, each printing a table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Lodestone's speed and quality; each benchmark prints a table.",
        subcommands = {BenchCommand.Analyze.class})
final class BenchCommand {

    @Command(name = "analyze", mixinStandardHelpOptions = true,
            description = "The analyze service's rate through an embedded broker, with transactions on. Target: 5,000 articles/s.")
    static final class Analyze implements Callable<Integer> {
        @Option(names = "--articles", defaultValue = "50000", description = "Articles to tag. Default: ${DEFAULT-VALUE}.")
        int articles;

        @Override
        public Integer call() throws Exception {
            AnalyzeThroughput.Result result = AnalyzeThroughput.run(articles, System.err);
            System.out.printf("%-34s %12s %10s %12s%n", "benchmark", "articles", "seconds", "articles/s");
            System.out.printf("%-34s %,12d %10.2f %,12.0f%n", "analyze service (transactions on)",
                    result.articles(), result.seconds(), result.articlesPerSecond());
            return 0;
        }
    }
}
