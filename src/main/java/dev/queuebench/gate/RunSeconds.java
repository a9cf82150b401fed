package dev.queuebench.gate;

import dev.queuebench.analysis.LatencyLog;
import dev.queuebench.analysis.LoadStep;
import dev.queuebench.analysis.LoadTimeline;
import dev.queuebench.analysis.RequestLog;
import dev.queuebench.rundir.RequestSecond;
import dev.queuebench.analysis.RunData;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.analysis.ServerMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A run as the statistics need it: per measured step (ramps and holds, by name) and per request name
 * (and {@code all}), the seconds in time order; and per measured second, the Redis main-thread CPU
 * and the requests started, for CPU per request. Read from the run directory only.
 */
final class RunSeconds {
    static final String ALL = "all";
    static final String ANY_STEP = "measured";

    /** step name → request name → seconds; step {@value #ANY_STEP} holds every measured second. */
    final Map<String, Map<String, List<SparseSecond>>> seconds = new LinkedHashMap<>();
    /** measured second → {engine CPU µs, requests started}. */
    final NavigableMap<Long, double[]> cpuAndRequests = new TreeMap<>();

    private RunSeconds() {
    }

    static RunSeconds read(Path runDir) {
        RunData data = RunData.read(runDir);
        RunFiles files = data.files();
        RequestLog requests = data.requests();
        LoadTimeline timeline = data.timeline();
        RunSeconds run = new RunSeconds();
        // Intervals come second by second; a second's "all" is whole once the next second starts.
        long[] openSec = {Long.MIN_VALUE};
        org.HdrHistogram.Histogram open = new org.HdrHistogram.Histogram(3);
        LatencyLog.forEachSecond(files.file(RunFiles.LATENCY_LOG), second -> {
            LoadStep step = timeline.stepAt(second.epochSec());
            if (step == null || !step.measured()) {
                return;
            }
            if (second.epochSec() != openSec[0]) {
                run.closeAll(openSec[0], open, timeline, requests);
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
        run.closeAll(openSec[0], open, timeline, requests);
        ServerMetrics server = ServerMetrics.read(files);
        server.sumOverNodes("EngineCPUUtilization").forEach((sec, pct) -> {
            LoadStep step = timeline.stepAt(sec);
            long started = requests.totalAt(sec);
            if (step != null && step.measured() && started > 0) {
                run.cpuAndRequests.put(sec, new double[] {pct * 10_000, started});
            }
        });
        return run;
    }

    private void closeAll(long sec, org.HdrHistogram.Histogram histogram, LoadTimeline timeline, RequestLog requests) {
        if (sec == Long.MIN_VALUE || histogram.getTotalCount() == 0) {
            return;
        }
        long ok = 0;
        long ko = 0;
        for (RequestSecond row : requests.bySecond().getOrDefault(sec, List.of())) {
            ok += row.ok();
            ko += row.ko();
        }
        SparseSecond sparse = SparseSecond.of(sec, histogram, ok, ko);
        add(timeline.stepAt(sec).name(), ALL, sparse);
        add(ANY_STEP, ALL, sparse);
    }

    private static RequestSecond row(RequestLog requests, long sec, String name) {
        for (RequestSecond row : requests.bySecond().getOrDefault(sec, List.of())) {
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

    List<SparseSecond> of(String step, String request) {
        return seconds.getOrDefault(step, Map.of()).getOrDefault(request, List.of());
    }
}
