package dev.lodestone.app;

import dev.lodestone.analyze.watchlist.WatchlistException;
import dev.lodestone.core.DataFolderInUseException;
import dev.lodestone.core.KafkaUnavailableException;
import dev.lodestone.core.PortInUseException;
import dev.lodestone.ingest.fetch.FetchException;
import java.nio.file.NoSuchFileException;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code lodestone} command. */
@Command(name = "lodestone", mixinStandardHelpOptions = true, version = "lodestone 0.1.0", scope = CommandLine.ScopeType.INHERIT,
        description = "Watches the news for one story: ingests feeds and pages, tags the story's cast, "
                + "indexes everything for search and alerts.",
        subcommands = {RunCommand.class, DemoCommand.class, FeedsCommand.class, ParseFeedCommand.class, ServiceCommand.Ingest.class, ServiceCommand.Analyze.class,
                ServiceCommand.Search.class, BrokerCommand.class, ExtractCommand.class, TagCommand.class, ReindexCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Lodestone {
    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
            description = "Log lines as text for people or JSON for machines. Default: ${DEFAULT-VALUE}.")
    String logFormat;

    public static void main(String[] args) {
        chooseLogFormat(args);
        System.exit(commandLine().execute(args));
    }

    /** Logging is configured by the first logger created, before picocli has parsed anything: look ahead. */
    private static void chooseLogFormat(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String format = args[i].startsWith("--log-format=") ? args[i].substring("--log-format=".length())
                    : args[i].equals("--log-format") && i + 1 < args.length ? args[i + 1] : null;
            if ("json".equalsIgnoreCase(format)) {
                System.setProperty("LODESTONE_LOG_FORMAT", "JSON");
            }
        }
    }

    /** The command line with Lodestone's error handling: known problems end with one line, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Lodestone());
        cli.setExecutionExceptionHandler(Lodestone::reportFailure);
        return cli;
    }

    private static int reportFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof NoSuchFileException) {
            err.println("lodestone: no such file: " + e.getMessage());
        } else if (isExpected(e)) {
            err.println("lodestone: " + e.getMessage());
        } else {
            err.println("lodestone: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
            LoggerFactory.getLogger(Lodestone.class).debug("Failure", e);
        }
        err.flush();
        return 1;
    }

    private static boolean isExpected(Exception e) {
        return e instanceof ConfigException
                || e instanceof WatchlistException
                || e instanceof PortInUseException
                || e instanceof DataFolderInUseException
                || e instanceof KafkaUnavailableException
                || e instanceof FetchException
                || e instanceof IllegalArgumentException;
    }
}
