package dev.lodestone.app;

import dev.lodestone.ingest.feed.FeedFileCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lodestone parse-feed}: checks feed files the way ingest would read them. */
@Command(name = "parse-feed", mixinStandardHelpOptions = true,
        description = {"Parse feed files as ingest would and print one JSON line per file:",
                "{\"file\",\"ok\",\"format\",\"items\",\"error\"}. Every file is processed whatever happens to another;",
                "the exit code is 0 unless the arguments are wrong."})
final class ParseFeedCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Feed files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--dir", paramLabel = "DIR", description = "Every file below this folder.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Path> all = new ArrayList<>(files);
        if (dir != null) {
            all.addAll(FeedFileCheck.filesIn(dir));
        }
        if (all.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name feed files, or a folder with --dir");
        }
        try (FeedFileCheck check = new FeedFileCheck()) {
            for (Path file : all) {
                System.out.println(check.check(file).toJsonLine());
            }
        }
        return 0;
    }
}
