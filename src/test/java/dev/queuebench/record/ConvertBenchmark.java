package dev.queuebench.record;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.queuebench.rundir.RunFiles;

/**
 * Times the conversion of one {@code simulation.log} into {@code latency.hlog} and
 * {@code requests.csv}, through the code {@code run} uses while a load test runs: a
 * {@link SimulationLogParser} fed 1 MiB chunks, handing records to a {@link RunRecorder} that
 * closes each second {@code request timeout + 2 s} after it and reports it to a listener.
 *
 * <p>How to run (a log from {@link SimulationLogGenerator}; expect a few million records/s):
 * <pre>
 * /usr/bin/time -v java -Xmx1g -cp target/queuebench.jar:target/test-classes \
 *     dev.queuebench.record.ConvertBenchmark /tmp/simulation.log /tmp/convert-out [REQUEST_TIMEOUT_MS=10000]
 * </pre>
 * It prints records/s, elapsed seconds and the heap's peak use as the sum of each heap pool's peak (an
 * upper bound: the pools peak at different times, so it can exceed {@code -Xmx}).
 */
public final class ConvertBenchmark {
    private ConvertBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        MainArguments arguments =
                MainArguments.of(args, 2, 3, "ConvertBenchmark SIMULATION_LOG OUT_DIR [REQUEST_TIMEOUT_MS=10000]");
        Path log = arguments.path(0);
        Path outDir = arguments.path(1);
        long requestTimeoutMillis = arguments.longOr(2, 10_000);
        long[] closedSeconds = new long[1];

        long startNanos = System.nanoTime();
        int tailBytes;
        long requests;
        try (RunRecorder recorder = new RunRecorder(outDir, requestTimeoutMillis + 2_000L,
                second -> closedSeconds[0]++)) {
            tailBytes = SimulationLogFiles.parse(log, recorder);
            requests = recorder.totals().values().stream().mapToLong(RequestCounts::total).sum();
        }
        double elapsedSec = (System.nanoTime() - startNanos) / 1e9;

        System.out.printf("Converted %s (%,d bytes) into %s: %,d requests in %.2f s, %,.0f requests/s,"
                + " %,d seconds closed, incomplete tail %d bytes%n", log, Files.size(log), outDir, requests,
                elapsedSec, requests / elapsedSec, closedSeconds[0], tailBytes);
        System.out.printf("Heap: pools' peaks summed %,d MiB (max %,d MiB);"
                + " latency.hlog %,d bytes, requests.csv %,d bytes%n",
                peakHeapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                Files.size(outDir.resolve(RunFiles.LATENCY_LOG)),
                Files.size(outDir.resolve(RunFiles.REQUESTS_CSV)));
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
