package dev.queuebench.analysis;

import dev.queuebench.rundir.LatencyHlogWriter;
import dev.queuebench.rundir.MetricRow;
import dev.queuebench.rundir.RequestSecond;
import dev.queuebench.rundir.RequestsCsvWriter;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.RunJsonFile;
import dev.queuebench.rundir.RunOutcome;
import dev.queuebench.rundir.ServerCsvWriter;

import dev.queuebench.profile.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Makes a run directory with known answers, through the run directory's own writers: run.json with
 * the given phases, latency.hlog and requests.csv from the requests recorded here, server.csv from
 * the samples.
 * Injection starts on a whole second, so second {@code i} of the run is {@code startSec + i}.
 */
public final class GoldenRun {
    static final long START_SEC = 1_800_000_000L;

    private final Path dir;
    private final List<Phase> phases;
    private final TreeMap<Long, TreeMap<String, long[]>> counts = new TreeMap<>();
    private final TreeMap<Long, TreeMap<String, Histogram>> histograms = new TreeMap<>();
    private final List<MetricRow> server = new ArrayList<>();
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
        server.add(new MetricRow(START_SEC + second, node, metric, value));
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

    /** Writes the run through the run directory's own writers, as a real run would. */
    public Path write() throws IOException {
        Files.createDirectories(dir);
        RunJson.Profile profile = new RunJson.Profile("golden", "made by hand with known answers", 1.0,
                phases.stream().map(p -> new RunJson.Phase(p.name(), p.durationSec(), p.fromRps(), p.toRps(),
                        p.warmup())).toList(), null, null, false, null, null, null, null);
        RunJson started = RunJson.started(dir.getFileName().toString(), "golden", START_SEC * 1000, profile,
                new RunJson.Target("http://127.0.0.1:8080", false, "redis://127.0.0.1:6379/0", null, null),
                "cache.r7g.large", null, null);
        long endMs = (START_SEC + phases.stream().mapToInt(Phase::durationSec).sum() + 5) * 1000;
        RunOutcome ended = RunOutcome.ofCode(outcome);
        RunJsonFile.write(dir, started.ended(endMs, ended, ended == RunOutcome.COMPLETED ? "" : "planted",
                started.injector(), started.versions(), null, null));

        try (LatencyHlogWriter hlog = new LatencyHlogWriter(dir);
                RequestsCsvWriter csv = new RequestsCsvWriter(dir)) {
            hlog.start("golden run, made by hand with known answers", START_SEC * 1000);
            for (Map.Entry<Long, TreeMap<String, Histogram>> second : histograms.entrySet()) {
                hlog.appendSecond(second.getKey(), second.getValue());
            }
            counts.forEach((sec, byName) -> byName.forEach((name, c) -> csv.append(new RequestSecond(sec, name, c[0],
                    c[1], c[1] == 0 ? Map.of() : Map.of("http_503", c[1])))));
        }
        if (!server.isEmpty()) {
            try (ServerCsvWriter csv = new ServerCsvWriter(dir)) {
                csv.append(server);
            }
        }
        return dir;
    }
}
