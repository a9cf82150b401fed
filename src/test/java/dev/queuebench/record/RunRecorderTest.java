package dev.queuebench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RequestsCsv;

class RunRecorderTest {
    private static Path record(String golden, Path dir) throws IOException {
        Path log = dir.resolve("simulation.log");
        Files.write(log, SimulationLogParserTest.golden(golden));
        try (RunRecorder recorder = new RunRecorder(dir, 12_000, null)) {
            SimulationLogFiles.parse(log, recorder);
        }
        return dir;
    }

    @Test
    void latencyLogHoldsEveryRequestUnderItsTag(@TempDir Path dir) throws IOException {
        record(SimulationLogParserTest.SMOKE, dir);
        Map<String, Long> countsByTag = new HashMap<>();
        Map<Long, Long> taggedBySecond = new HashMap<>();
        Map<Long, Long> untaggedBySecond = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(dir.resolve(RunFiles.LATENCY_LOG).toFile());
        EncodableHistogram interval;
        int intervals = 0;
        while ((interval = reader.nextIntervalHistogram()) != null) {
            Histogram histogram = (Histogram) interval;
            if (histogram.getTag() == null) {
                untaggedBySecond.merge(histogram.getStartTimeStamp(), histogram.getTotalCount(), Long::sum);
            } else {
                countsByTag.merge(histogram.getTag(), histogram.getTotalCount(), Long::sum);
                taggedBySecond.merge(histogram.getStartTimeStamp(), histogram.getTotalCount(), Long::sum);
            }
            assertEquals(1000, histogram.getEndTimeStamp() - histogram.getStartTimeStamp(), "1-second intervals");
            assertEquals(0, histogram.getStartTimeStamp() % 1000, "intervals start on whole seconds");
            intervals++;
        }
        assertEquals(Map.of("join", 68L, "status", 92L, "enter", 64L), countsByTag);
        assertEquals(taggedBySecond, untaggedBySecond, "each second's untagged interval holds all its requests");
        assertTrue(intervals > 10);
    }

    @Test
    void requestsCsvReconcilesAndSplitsKosByCause(@TempDir Path dir) throws IOException {
        record(SimulationLogParserTest.WITH_KOS, dir);
        List<String> lines = Files.readAllLines(dir.resolve(RunFiles.REQUESTS_CSV));
        assertEquals(RequestsCsv.HEADER, lines.get(0));
        Map<String, long[]> totals = new HashMap<>();
        Map<String, Long> causes = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            long[] total = totals.computeIfAbsent(fields[1], n -> new long[2]);
            total[0] += Long.parseLong(fields[2]);
            total[1] += Long.parseLong(fields[3]);
            if (!fields[4].isEmpty()) {
                for (String pair : fields[4].split(";")) {
                    String[] causeCount = pair.split("=");
                    causes.merge(causeCount[0], Long.parseLong(causeCount[1]), Long::sum);
                }
            }
        }
        assertEquals(23, totals.get("join")[0]);
        assertEquals(45, totals.get("join")[1]);
        assertEquals(35, totals.get("status")[1]);
        assertEquals(7, totals.get("enter")[1]);
        assertEquals(Map.of("http_429", 87L), causes);
    }

    @Test
    void hdrHistogramsOwnLogProcessorGivesWholeRunPercentilesWithoutATag(@TempDir Path dir) throws Exception {
        record(SimulationLogParserTest.SMOKE, dir);
        Path out = dir.resolve("all-percentiles");
        new HistogramLogProcessor(new String[] {"-i", dir.resolve(RunFiles.LATENCY_LOG).toString(),
            "-o", out.toString(), "-outputValueUnitRatio", "1000"}).run();
        List<String> summary = Files.readAllLines(Path.of(out + ".hgrm"));
        String total = summary.stream().filter(line -> line.contains("Total count")).findFirst().orElseThrow();
        assertTrue(total.matches(".*Total count\\s+=\\s+224\\].*"), total);
    }

    @Test
    void hdrHistogramsOwnLogProcessorReadsTheLog(@TempDir Path dir) throws Exception {
        record(SimulationLogParserTest.SMOKE, dir);
        Path out = dir.resolve("status-percentiles");
        new HistogramLogProcessor(new String[] {"-i", dir.resolve(RunFiles.LATENCY_LOG).toString(),
            "-o", out.toString(), "-tag", "status", "-outputValueUnitRatio", "1000"}).run();
        List<String> summary = Files.readAllLines(Path.of(out + ".hgrm"));
        String total = summary.stream().filter(line -> line.contains("Total count")).findFirst().orElseThrow();
        assertTrue(total.matches(".*Total count\\s+=\\s+92\\].*"), total);
    }
}
