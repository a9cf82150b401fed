package dev.queuebench.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.queuebench.rundir.RunFiles;

/** The generator speaks the format: the project's reader gets back exactly what it wrote. */
class SimulationLogGeneratorTest {
    private static final long RECORDS = 10_000;
    // Slow enough that 10k requests span 20 s, more than a journey lasts: every request name appears.
    private static final double REQUESTS_PER_SEC = 500;

    private static CountingListener generate(Path log, long records) throws IOException {
        CountingListener written = new CountingListener();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log))) {
            new SimulationLogGenerator(records, REQUESTS_PER_SEC, 7).write(out, written);
        }
        return written;
    }

    @Test
    void parserReadsBackEveryRecordTheGeneratorWrote(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("simulation.log");
        CountingListener written = generate(log, RECORDS);
        CountingListener read = new CountingListener();

        assertEquals(0, SimulationLogFiles.parse(log, read));

        assertEquals(written.header, read.header);
        assertEquals(List.of("enter", "join", "leave", "status"), List.copyOf(read.okKoByName.keySet()));
        for (String name : written.okKoByName.keySet()) {
            assertArrayEquals(written.okKoByName.get(name), read.okKoByName.get(name), name);
        }
        assertEquals(RECORDS, read.okKoByName.values().stream().mapToLong(okKo -> okKo[0] + okKo[1]).sum());
        assertEquals(written.koByMessage, read.koByMessage);
        assertTrue(read.koByMessage.size() >= 3, "KOs of several kinds: " + read.koByMessage);
        assertEquals(written.usersStarted, read.usersStarted);
        assertEquals(read.usersStarted, read.usersEnded, "every user that starts ends");
        assertEquals(written.responseTimeSumMillis, read.responseTimeSumMillis);
        assertEquals(written.lastEndMillis, read.lastEndMillis);
    }

    @Test
    void recorderFilesReconcileWithWhatTheGeneratorWrote(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("simulation.log");
        CountingListener written = generate(log, RECORDS);
        Map<String, RequestCounts> totals;
        try (RunRecorder recorder = new RunRecorder(dir, 12_000, null)) {
            SimulationLogFiles.parse(log, recorder);
            totals = recorder.totals();
        }

        Map<String, Long> latencyCountsByTag = new TreeMap<>();
        HistogramLogReader reader = new HistogramLogReader(dir.resolve(RunFiles.LATENCY_LOG).toFile());
        EncodableHistogram interval;
        while ((interval = reader.nextIntervalHistogram()) != null) {
            Histogram histogram = (Histogram) interval;
            // The untagged interval of each second is the sum of its tagged ones ("all").
            latencyCountsByTag.merge(histogram.getTag() == null ? "all" : histogram.getTag(),
                    histogram.getTotalCount(), Long::sum);
        }
        Map<String, long[]> csvOkKo = new TreeMap<>();
        List<String> csv = Files.readAllLines(dir.resolve(RunFiles.REQUESTS_CSV));
        for (String line : csv.subList(1, csv.size())) {
            String[] fields = line.split(",", -1);
            long[] okKo = csvOkKo.computeIfAbsent(fields[1], n -> new long[2]);
            okKo[0] += Long.parseLong(fields[2]);
            okKo[1] += Long.parseLong(fields[3]);
        }

        assertEquals(written.okKoByName.keySet(), totals.keySet());
        for (Map.Entry<String, long[]> entry : written.okKoByName.entrySet()) {
            String name = entry.getKey();
            long[] okKo = entry.getValue();
            assertEquals(okKo[0], totals.get(name).ok(), name);
            assertEquals(okKo[1], totals.get(name).ko(), name);
            assertArrayEquals(okKo, csvOkKo.get(name), name);
            assertEquals(okKo[0] + okKo[1], latencyCountsByTag.get(name), name);
        }
        long all = latencyCountsByTag.remove("all");
        assertEquals(written.okKoByName.keySet(), latencyCountsByTag.keySet());
        assertEquals(latencyCountsByTag.values().stream().mapToLong(Long::longValue).sum(), all);
    }

    @Test
    void sameSeedWritesTheSameBytes(@TempDir Path dir) throws IOException {
        generate(dir.resolve("a.log"), 2_000);
        generate(dir.resolve("b.log"), 2_000);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.log")), Files.readAllBytes(dir.resolve("b.log")));
    }
}
