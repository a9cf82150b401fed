package dev.queuebench.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuebench.profile.Phase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a run directory by hand with known answers: run.json with the given phases,
 * latency.hlog and requests.csv from the requests recorded here, server.csv from the samples.
 * Injection starts on a whole second, so second {@code i} of the run is {@code startSec + i}.
 */
public final class GoldenRun {
    static final long START_SEC = 1_800_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final List<Phase> phases;
    private final TreeMap<Long, TreeMap<String, long[]>> counts = new TreeMap<>();
    private final TreeMap<Long, TreeMap<String, Histogram>> histograms = new TreeMap<>();
    private final TreeMap<Long, TreeMap<String, String>> causes = new TreeMap<>();
    private final StringBuilder server = new StringBuilder("epoch_sec,node,metric,value\n");
    private String outcome = "completed";

    public GoldenRun(Path dir, List<Phase> phases) {
        this.dir = dir;
        this.phases = phases;
    }

    /** {@code ok} and {@code ko} requests of {@code name} started in run second {@code second}, all taking {@code micros}. */
    public GoldenRun requests(int second, String name, int ok, int ko, long micros) {
        long sec = START_SEC + second;
        long[] c = counts.computeIfAbsent(sec, s -> new TreeMap<>()).computeIfAbsent(name, n -> new long[2]);
        c[0] += ok;
        c[1] += ko;
        if (ko > 0) {
            causes.computeIfAbsent(sec, s -> new TreeMap<>()).put(name, "http_503=" + c[1]);
        }
        histograms.computeIfAbsent(sec, s -> new TreeMap<>()).computeIfAbsent(name, n -> new Histogram(3))
                .recordValueWithCount(micros, ok + ko);
        return this;
    }

    /** {@code ok + ko} requests whose latencies are drawn from {@code micros}. */
    public GoldenRun requests(int second, String name, int ok, int ko, java.util.function.LongSupplier micros) {
        requests(second, name, 0, 0, 1);
        long sec = START_SEC + second;
        long[] c = counts.get(sec).get(name);
        c[0] += ok;
        c[1] += ko;
        Histogram histogram = histograms.get(sec).get(name);
        histogram.reset();
        for (int i = 0; i < ok + ko; i++) {
            histogram.recordValue(micros.getAsLong());
        }
        return this;
    }

    public GoldenRun server(int second, String node, String metric, double value) {
        server.append(START_SEC + second).append(',').append(node).append(',').append(metric).append(',')
                .append(value).append('\n');
        return this;
    }

    /** The profile's planned rate in run second {@code second} (at its middle). */
    double plannedRps(int second) {
        double offset = second + 0.5;
        for (Phase phase : phases) {
            if (offset < phase.durationSec()) {
                return phase.rpsAt(offset);
            }
            offset -= phase.durationSec();
        }
        return 0;
    }

    public GoldenRun outcome(String value) {
        this.outcome = value;
        return this;
    }

    public Path write() throws IOException {
        Files.createDirectories(dir);
        ObjectNode run = JSON.createObjectNode();
        run.put("id", dir.getFileName().toString());
        run.put("label", "golden");
        run.put("start_ms", START_SEC * 1000);
        run.put("end_ms", (START_SEC + phases.stream().mapToInt(Phase::durationSec).sum() + 5) * 1000);
        ObjectNode profile = run.putObject("profile");
        profile.put("name", "golden");
        profile.put("description", "made by hand with known answers");
        profile.put("scale", 1.0);
        ArrayNode phaseArray = profile.putArray("phases");
        for (Phase phase : phases) {
            ObjectNode p = phaseArray.addObject();
            p.put("name", phase.name());
            p.put("duration_sec", phase.durationSec());
            p.put("from_rps", phase.fromRps());
            p.put("to_rps", phase.toRps());
            p.put("warmup", phase.warmup());
        }
        ObjectNode target = run.putObject("target");
        target.put("gateway_url", "http://127.0.0.1:8080");
        target.put("redis", "redis://127.0.0.1:6379/0");
        run.put("node_type", "cache.r7g.large");
        run.put("outcome", outcome);
        run.put("reason", "completed".equals(outcome) ? "" : "planted");
        JSON.writeValue(dir.resolve("run.json").toFile(), run);

        try (PrintStream hlog = new PrintStream(dir.resolve("latency.hlog").toFile(), StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(hlog);
            writer.outputStartTime(START_SEC * 1000);
            writer.setBaseTime(START_SEC * 1000);
            writer.outputBaseTime(START_SEC * 1000);
            writer.outputLegend();
            for (Map.Entry<Long, TreeMap<String, Histogram>> second : histograms.entrySet()) {
                for (Map.Entry<String, Histogram> tagged : second.getValue().entrySet()) {
                    Histogram histogram = tagged.getValue();
                    histogram.setTag(tagged.getKey());
                    histogram.setStartTimeStamp(second.getKey() * 1000);
                    histogram.setEndTimeStamp(second.getKey() * 1000 + 1000);
                    writer.outputIntervalHistogram(histogram);
                }
            }
        }
        StringBuilder csv = new StringBuilder("epoch_sec,request,ok,ko,ko_causes\n");
        counts.forEach((sec, byName) -> byName.forEach((name, c) -> csv.append(sec).append(',').append(name).append(',')
                .append(c[0]).append(',').append(c[1]).append(',')
                .append(causes.getOrDefault(sec, new TreeMap<>()).getOrDefault(name, "")).append('\n')));
        Files.writeString(dir.resolve("requests.csv"), csv);
        if (server.indexOf("\n") < server.length() - 1) {
            Files.writeString(dir.resolve("server.csv"), server);
        }
        return dir;
    }
}
