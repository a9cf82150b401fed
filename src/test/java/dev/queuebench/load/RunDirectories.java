package dev.queuebench.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.record.RunRecorder;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;

/** Reads back what a run left, for the integration tests. */
public final class RunDirectories {
    private static final Pattern CONSOLE_ROW = Pattern.compile("^> (\\S+)\\s+\\|\\s+([\\d,]+) \\|\\s+([\\d,]+) \\|\\s+([\\d,]+)$");

    private RunDirectories() {
    }

    static Path only(Path resultsRoot) throws IOException {
        try (var runs = Files.list(resultsRoot)) {
            List<Path> all = runs.toList();
            if (all.size() != 1) {
                throw new AssertionError("expected one run directory in " + resultsRoot + ", found " + all);
            }
            return all.get(0);
        }
    }

    static JsonNode manifest(Path runDir) throws IOException {
        return JsonFiles.read(runDir.resolve(RunFiles.RUN_JSON));
    }

    /** Total requests per name in requests.csv. */
    static Map<String, Long> csvTotals(Path runDir) throws IOException {
        Map<String, Long> totals = new HashMap<>();
        List<String> lines = Files.readAllLines(runDir.resolve(RunFiles.REQUESTS_CSV));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            totals.merge(fields[1], Long.parseLong(fields[2]) + Long.parseLong(fields[3]), Long::sum);
        }
        return totals;
    }

    /**
     * Total count per tag in latency.hlog, read with HdrHistogram's own reader; checks on the way that
     * every second's untagged interval holds exactly the requests of its tagged ones.
     */
    static Map<String, Long> hlogTotals(Path runDir) throws IOException {
        Map<String, Long> totals = new HashMap<>();
        Map<Long, Long> taggedBySecond = new HashMap<>();
        Map<Long, Long> untaggedBySecond = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(runDir.resolve(RunFiles.LATENCY_LOG).toFile());
        EncodableHistogram interval;
        while ((interval = reader.nextIntervalHistogram()) != null) {
            long count = ((org.HdrHistogram.Histogram) interval).getTotalCount();
            if (interval.getTag() == null) {
                untaggedBySecond.merge(interval.getStartTimeStamp(), count, Long::sum);
            } else {
                totals.merge(interval.getTag(), count, Long::sum);
                taggedBySecond.merge(interval.getStartTimeStamp(), count, Long::sum);
            }
        }
        if (!taggedBySecond.equals(untaggedBySecond)) {
            throw new AssertionError("latency.hlog's untagged intervals do not hold each second's requests: tagged "
                    + taggedBySecond + ", untagged " + untaggedBySecond);
        }
        return totals;
    }

    /** Gatling's own final per-request totals, from the last "Requests" block of its console output. */
    public static Map<String, Long> gatlingConsoleTotals(Path runDir) throws IOException {
        List<String> lines = Files.readAllLines(runDir.resolve("gatling").resolve("console.log"));
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("---- Requests ")) {
                last = i;
            }
        }
        Map<String, Long> totals = new HashMap<>();
        for (int i = last + 1; i < lines.size(); i++) {
            Matcher row = CONSOLE_ROW.matcher(lines.get(i));
            if (!row.matches()) {
                break;
            }
            // Gatling groups thousands with commas: 1,389.
            totals.put(row.group(1), Long.parseLong(row.group(2).replace(",", "")));
        }
        return totals;
    }
}
