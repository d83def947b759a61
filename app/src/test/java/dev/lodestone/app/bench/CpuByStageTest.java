package dev.lodestone.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CpuByStageTest {
    @Test
    void aThreadBelongsToTheStageItsNameSays() {
        assertEquals("ingest: feeds, fetching, extraction", CpuByStage.stageOf("lodestone-ingest-3"));
        assertEquals("ingest: feeds, fetching, extraction", CpuByStage.stageOf("kafka-producer-network-thread | lodestone-ingest"));
        assertEquals("analyze: tagging, stories", CpuByStage.stageOf("kafka-coordinator-heartbeat-thread | lodestone-analyze"));
        assertEquals("search: indexing", CpuByStage.stageOf("Lucene Merge Thread #2"));
        assertEquals("search: alert matching, decisions, delivery", CpuByStage.stageOf("reader-lodestone.alerts"));
        assertEquals("Kafka broker and clients", CpuByStage.stageOf("data-plane-kafka-request-handler-1"));
        assertEquals("other threads", CpuByStage.stageOf("Common-Cleaner"));
    }

    @Test
    void theCpuTimeOfAThreadIsCountedForItsStage() throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long spin = 50_000_000;
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch counted = new CountDownLatch(1);
        CpuByStage cpu = CpuByStage.start();
        Thread analyze = new Thread(() -> {
            long start = threads.getCurrentThreadCpuTime();
            while (threads.getCurrentThreadCpuTime() - start < spin) {
                Thread.onSpinWait();
            }
            spun.countDown();
            awaitQuietly(counted);
        }, "analyze");
        analyze.start();
        spun.await();
        Map<String, Long> byStage = cpu.stop();
        counted.countDown();
        analyze.join();

        assertTrue(byStage.get("analyze: tagging, stories") >= spin, "the spinning thread's 50 ms: " + byStage);
        assertTrue(byStage.get("benchmark newswire and harness") < spin, "not the waiting main thread's: " + byStage);
    }

    @Test
    void theJitCompilersAndTheGarbageCollectorsThreadsAreReadWhereLinuxListsThem() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "no /proc here");

        Map<String, Long> jvmThreads = CpuByStage.readJvmThreads();

        assertTrue(jvmThreads.keySet().stream().anyMatch(name -> name.matches("C[12] CompilerThre \\d+")), jvmThreads::toString);
        assertTrue(jvmThreads.keySet().stream().anyMatch(name -> name.startsWith("VM Thread ")), jvmThreads::toString);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
