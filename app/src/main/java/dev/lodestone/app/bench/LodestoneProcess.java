package dev.lodestone.app.bench;

import dev.lodestone.app.Lodestone;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code lodestone} command in a child JVM on this process's class path, started again with the same
 * arguments after each death, its output appended to one log file. A child is what a crash test needs: only
 * another process can be killed with SIGKILL, mid-write, with no shutdown hook run.
 */
final class LodestoneProcess implements AutoCloseable {
    private final List<String> command;
    private final Path log;
    private Process process;

    LodestoneProcess(List<String> arguments, Path log) {
        this.command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Lodestone.class.getName()));
        this.command.addAll(arguments);
        this.log = log;
    }

    void start() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Path log() {
        return log;
    }

    /** SIGKILL: the process ends wherever it is, with no shutdown hook, no flush and no commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the process stops its services in order, as Ctrl-C would; killed if it takes longer than the grace. */
    void stop(Duration grace) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            kill();
        }
    }
}
