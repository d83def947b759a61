package dev.lodestone.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The CPU time a process spent over a stretch of a benchmark, split by the stage of the pipeline each thread
 * works for. A pipeline that uses every core is only made faster by costing less per article, and this says
 * where the cost is: the threads' names tell the stages apart (the services, the embedded broker and the
 * benchmark's own newswire run in one process).
 *
 * <p>Threads are read every {@value #SAMPLE_MILLIS} ms, so that short-lived ones (Lucene merges, HTTP client
 * workers) are counted up to their last reading before they end. The JVM's own threads, which Java does not
 * list, are read from {@code /proc/self/task} where there is one (Linux): the JIT compiler's as {@link #JIT}, the
 * garbage collector's and the VM thread's (which runs collections' safepoint work) as {@link #GC}. What no
 * thread accounts for, whatever ran between a thread's last reading and its end, and the JVM's threads where
 * they cannot be read, is the process's CPU time less the threads', reported as {@link #JVM}. (The JVM's own
 * count of compilation time is elapsed time, and came out above the whole remainder, so it cannot split it.)
 */
final class CpuByStage implements AutoCloseable {
    static final String JVM = "JVM: other, ended threads";
    static final String JIT = "JVM: JIT compiler";
    static final String GC = "JVM: garbage collector";
    /** How the JVM names its own threads on Linux (cut to 15 characters there). */
    private static final Pattern JIT_THREADS = Pattern.compile("^(C1 CompilerThre|C2 CompilerThre|Sweeper thread)");
    private static final Pattern GC_THREADS = Pattern.compile("^(GC Thread|G1 |VM Thread|ZWorker|ZDriver|Shenandoah)");
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux reports thread CPU time in ticks of 1/100 s on every platform it runs on. */
    private static final long NANOS_PER_TICK = 10_000_000;
    private static final long SAMPLE_MILLIS = 100;

    /** First match wins; names are those the services, the broker and the JDK give their threads. */
    private static final List<Map.Entry<Pattern, String>> STAGES = List.of(
            stage("newswire|HTTP-Dispatcher|bench-|^main$", "benchmark newswire and harness"),
            stage("ingest|lodestone-fetch|HttpClient", "ingest: feeds, fetching, extraction"),
            stage("analyze", "analyze: tagging, stories"),
            stage("search-indexer|Lucene Merge|search-rebuilt", "search: indexing"),
            stage("alert|reader-lodestone|webhook", "search: alert matching, decisions, delivery"),
            stage("Jetty|Javalin", "search: web, live feed"),
            stage("kafka|data-plane|ExpirationReaper|controller|coordinator|raft|Txn|transaction|broker|share|"
                    + "log-|executor-|Reaper|Sensor", "Kafka broker and clients"));
    private static final String OTHER = "other threads";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long processStart;
    private final Map<Long, Long> baseline;
    private final Map<Long, Long> latest = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<String, Long> jvmBaseline;
    private final Map<String, Long> jvmLatest = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private CpuByStage() {
        threads.setThreadCpuTimeEnabled(true);
        processStart = os.getProcessCpuTime();
        baseline = read();
        jvmBaseline = readJvmThreads();
        sampler = new Thread(this::sample, "bench-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts counting from now. */
    static CpuByStage start() {
        return new CpuByStage();
    }

    /** Stops counting; the CPU time of each stage since {@link #start()}, in nanoseconds, largest first. */
    Map<String, Long> stop() {
        close();
        synchronized (this) {
            latest.putAll(read());
            jvmLatest.putAll(readJvmThreads());
            Map<String, Long> byStage = new HashMap<>();
            long threadsTotal = 0;
            for (Map.Entry<Long, Long> thread : latest.entrySet()) {
                long used = thread.getValue() - baseline.getOrDefault(thread.getKey(), 0L);
                threadsTotal += used;
                byStage.merge(stageOf(names.getOrDefault(thread.getKey(), "")), used, Long::sum);
            }
            for (Map.Entry<String, Long> thread : jvmLatest.entrySet()) {
                long used = thread.getValue() - jvmBaseline.getOrDefault(thread.getKey(), 0L);
                threadsTotal += used;
                byStage.merge(JIT_THREADS.matcher(thread.getKey()).find() ? JIT : GC, used, Long::sum);
            }
            byStage.put(JVM, Math.max(0, os.getProcessCpuTime() - processStart - threadsTotal));
            Map<String, Long> largestFirst = new LinkedHashMap<>();
            byStage.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> largestFirst.put(e.getKey(), e.getValue()));
            return largestFirst;
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String stageOf(String threadName) {
        return STAGES.stream().filter(s -> s.getKey().matcher(threadName).find()).map(Map.Entry::getValue)
                .findFirst().orElse(OTHER);
    }

    private void sample() {
        while (running) {
            Map<Long, Long> now = read();
            Map<String, Long> jvmNow = readJvmThreads();
            synchronized (this) {
                latest.putAll(now);
                jvmLatest.putAll(jvmNow);
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Every live thread's CPU time so far; notes each one's name, as a thread's id outlives it. */
    private Map<Long, Long> read() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long time = threads.getThreadCpuTime(info.getThreadId());
            if (time >= 0) {
                cpu.put(info.getThreadId(), time);
                synchronized (this) {
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
        return cpu;
    }

    /**
     * The CPU time so far of each of the JIT compiler's and garbage collector's threads, keyed by name and thread
     * id; empty where {@code /proc} cannot be read.
     */
    static Map<String, Long> readJvmThreads() {
        Map<String, Long> cpu = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = open < 0 || close < open ? "" : stat.substring(open + 1, close);
                if (JIT_THREADS.matcher(name).find() || GC_THREADS.matcher(name).find()) {
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    cpu.put(name + " " + task.getFileName(), ticks * NANOS_PER_TICK);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Map.of();
        }
        return cpu;
    }

    private static Map.Entry<Pattern, String> stage(String threadNames, String stage) {
        return Map.entry(Pattern.compile(threadNames), stage);
    }
}
