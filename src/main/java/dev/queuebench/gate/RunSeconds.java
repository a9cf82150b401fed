package dev.queuebench.gate;

import dev.queuebench.rundir.LatencyHlog;
import dev.queuebench.rundir.MetricRow;
import dev.queuebench.rundir.RequestSecond;
import dev.queuebench.rundir.RequestsCsv;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.ServerCsv;
import dev.queuebench.rundir.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A run as the statistics need it: per measured step (ramps and holds, by name) and per request name
 * (and {@code all}), the seconds in time order; and per measured second, the Redis main-thread CPU
 * and the requests started, for CPU per request. The steps come from the run's summary.json, the
 * seconds from its per-second files, all through the run-directory package.
 */
final class RunSeconds {
    static final String ALL = "all";
    static final String ANY_STEP = "measured";

    /** step name → request name → seconds; step {@value #ANY_STEP} holds every measured second. */
    final Map<String, Map<String, List<SparseSecond>>> seconds = new LinkedHashMap<>();
    /** step name → its summary entry; {@value #ANY_STEP} as one step as long as all measured steps together. */
    final Map<String, Summary.Step> steps = new LinkedHashMap<>();
    /** measured second → {engine CPU µs, requests started}. */
    final NavigableMap<Long, double[]> cpuAndRequests = new TreeMap<>();

    private RunSeconds() {
    }

    static RunSeconds read(RunFiles files, Summary summary) {
        NavigableMap<Long, Summary.Step> measured = new TreeMap<>();
        for (Summary.Step step : summary.steps()) {
            if (step.measured()) {
                measured.put(step.startEpochSec(), step);
            }
        }
        NavigableMap<Long, List<RequestSecond>> requests = new TreeMap<>();
        for (RequestSecond row : RequestsCsv.read(files).rows()) {
            requests.computeIfAbsent(row.epochSec(), sec -> new ArrayList<>()).add(row);
        }
        RunSeconds run = new RunSeconds();
        long measuredSec = 0;
        for (Summary.Step step : measured.values()) {
            run.steps.put(step.name(), step);
            measuredSec += step.durationSec();
        }
        run.steps.put(ANY_STEP, new Summary.Step(ANY_STEP, "measured", 0, 0, measuredSec, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Map.of()));
        // Intervals come second by second; a second's "all" is whole once the next second starts.
        long[] openSec = {Long.MIN_VALUE};
        org.HdrHistogram.Histogram open = new org.HdrHistogram.Histogram(3);
        LatencyHlog.forEachSecond(files, second -> {
            Summary.Step step = stepAt(measured, second.epochSec());
            if (step == null) {
                return;
            }
            if (second.epochSec() != openSec[0]) {
                run.closeAll(openSec[0], open, measured, requests);
                open.reset();
                openSec[0] = second.epochSec();
            }
            open.add(second.histogram());
            RequestSecond counts = row(requests, second.epochSec(), second.request());
            SparseSecond sparse = SparseSecond.of(second.epochSec(), second.histogram(),
                    counts == null ? 0 : counts.ok(), counts == null ? 0 : counts.ko());
            run.add(step.name(), second.request(), sparse);
            run.add(ANY_STEP, second.request(), sparse);
        });
        run.closeAll(openSec[0], open, measured, requests);
        for (Map.Entry<Long, Double> cpu : engineCpuPctOverNodes(files).entrySet()) {
            long sec = cpu.getKey();
            long started = requests.getOrDefault(sec, List.of()).stream().mapToLong(RequestSecond::total).sum();
            if (stepAt(measured, sec) != null && started > 0) {
                run.cpuAndRequests.put(sec, new double[] {cpu.getValue() * 10_000, started});
            }
        }
        return run;
    }

    /** The measured step holding {@code sec}, or null (warm-up, drain, outside the run). */
    private static Summary.Step stepAt(NavigableMap<Long, Summary.Step> measured, long sec) {
        Map.Entry<Long, Summary.Step> entry = measured.floorEntry(sec);
        return entry != null && sec < entry.getValue().endEpochSec() ? entry.getValue() : null;
    }

    /**
     * EngineCPUUtilization summed over the nodes per second; a second counts only when every node
     * that has the metric has a sample in it.
     */
    private static NavigableMap<Long, Double> engineCpuPctOverNodes(RunFiles files) {
        Map<String, NavigableMap<Long, Double>> byNode = new TreeMap<>();
        for (MetricRow row : ServerCsv.read(files).rows()) {
            if (row.metric().equals("EngineCPUUtilization")) {
                byNode.computeIfAbsent(row.node(), node -> new TreeMap<>()).put(row.epochSec(), row.value());
            }
        }
        NavigableMap<Long, Double> sum = new TreeMap<>();
        Map<Long, Integer> nodesSeen = new TreeMap<>();
        byNode.values().forEach(series -> series.forEach((sec, value) -> {
            sum.merge(sec, value, Double::sum);
            nodesSeen.merge(sec, 1, Integer::sum);
        }));
        sum.keySet().removeIf(sec -> nodesSeen.get(sec) != byNode.size());
        return sum;
    }

    private void closeAll(long sec, org.HdrHistogram.Histogram histogram, NavigableMap<Long, Summary.Step> measured,
            NavigableMap<Long, List<RequestSecond>> requests) {
        if (sec == Long.MIN_VALUE || histogram.getTotalCount() == 0) {
            return;
        }
        long ok = 0;
        long ko = 0;
        for (RequestSecond row : requests.getOrDefault(sec, List.of())) {
            ok += row.ok();
            ko += row.ko();
        }
        SparseSecond sparse = SparseSecond.of(sec, histogram, ok, ko);
        add(stepAt(measured, sec).name(), ALL, sparse);
        add(ANY_STEP, ALL, sparse);
    }

    private static RequestSecond row(NavigableMap<Long, List<RequestSecond>> requests, long sec, String name) {
        for (RequestSecond row : requests.getOrDefault(sec, List.of())) {
            if (row.request().equals(name)) {
                return row;
            }
        }
        return null;
    }

    private void add(String step, String request, SparseSecond second) {
        seconds.computeIfAbsent(step, s -> new LinkedHashMap<>()).computeIfAbsent(request, r -> new ArrayList<>())
                .add(second);
    }

    /** The requests of {@code request} in {@code step} and the step's length. */
    RequestSample sample(String step, String request) {
        long requests = 0;
        for (SparseSecond second : of(step, request)) {
            requests += second.ok() + second.ko();
        }
        Summary.Step known = steps.get(step);
        return new RequestSample(requests, known == null ? 0 : known.durationSec(),
                known != null && "hold".equals(known.kind()));
    }

    List<SparseSecond> of(String step, String request) {
        return seconds.getOrDefault(step, Map.of()).getOrDefault(request, List.of());
    }
}
