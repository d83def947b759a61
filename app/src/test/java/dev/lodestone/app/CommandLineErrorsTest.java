package dev.lodestone.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.EmbeddedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad configuration ends with one line naming the problem, never a stack trace. */
class CommandLineErrorsTest {
    @TempDir
    Path dir;

    private record Outcome(int exitCode, String err) {}

    private static Outcome lodestone(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Lodestone.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Outcome(code, err.toString().trim());
    }

    private static void assertOneLine(Outcome outcome, String expected) {
        assertEquals(1, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("lodestone: "), outcome.err());
        assertTrue(outcome.err().contains(expected), outcome.err());
        assertFalse(outcome.err().contains("\n"), "more than one line: " + outcome.err());
    }

    @Test
    void anUnreadableConfigFileIsNamed() {
        assertOneLine(lodestone("run", "--config", dir.resolve("missing.yml").toString()),
                "cannot read config file " + dir.resolve("missing.yml") + ": no such file");
    }

    @Test
    void aFeedWithAnUnknownUrlSchemeIsNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("lodestone.yml"), "feeds:\n  - ftp://example.com/feed.xml\n");

        assertOneLine(lodestone("run", "--config", config.toString()),
                "feed ftp://example.com/feed.xml has unsupported URL scheme 'ftp'");
    }

    @Test
    void aConfigWithAYamlErrorNamesTheLine() throws Exception {
        Path config = Files.writeString(dir.resolve("lodestone.yml"), "feeds:\n  - https://a.example/feed\npartitions: [\n");

        assertOneLine(lodestone("run", "--config", config.toString()), "line ");
    }

    @Test
    void aTakenWebPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertOneLine(lodestone("run", "--data", dir.toString(), "--kafka-port", "0",
                    "--port", String.valueOf(taken.getLocalPort())),
                    "port " + taken.getLocalPort() + " for the web server is already in use");
        }
    }

    @Test
    void aDataFolderLockedByAnotherProcessIsNamed() throws Exception {
        try (EmbeddedKafka running = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            assertOneLine(lodestone("run", "--data", dir.toString(), "--kafka-port", "0", "--port", "0"),
                    "is in use by another Lodestone process");
        }
    }

    @Test
    void aServiceAloneRequiresBootstrapServers() {
        StringWriter err = new StringWriter();
        CommandLine cli = Lodestone.commandLine();
        cli.setErr(new PrintWriter(err));

        assertEquals(2, cli.execute("analyze"));
        assertTrue(err.toString().contains("--bootstrap-servers is required"), err.toString());
    }
}
