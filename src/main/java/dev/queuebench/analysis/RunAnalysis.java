package dev.queuebench.analysis;

import dev.queuebench.analysis.integrity.JourneyAudit;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RunDataException;

import dev.queuebench.rundir.RunFiles;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.AlarmsJson;
import dev.queuebench.rundir.ServerInfoJson;
import dev.queuebench.rundir.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import dev.queuebench.rundir.RequestSecond;
import dev.queuebench.rundir.LatencyHlog;

/**
 * Reads one run directory and derives its {@link RunSummary}: per-step statistics from the merged
 * histograms, the timeline, the metrics that move with p99, the knee, what each request costs the
 * server, memory per user, and the warnings a reader must not miss. Reads the run directory only.
 */
public final class RunAnalysis {
    /** Rate bands used for the knee when a profile has fewer than two holds. */
    static final int RATE_BANDS = 6;
    static final int MIN_SECONDS_PER_BAND = 3;
    static final double ENGINE_MICROS_PER_PERCENT = 10_000;
    /** Server seconds this far around the requests still count (idle seconds show the background). */
    static final int SERVER_MARGIN_SEC = 5;

    private RunAnalysis() {
    }

    public static RunSummary analyze(Path runDir) {
        RunData data = RunData.read(runDir);
        return analyze(data, ServerMetrics.read(data.files()));
    }

    /** As {@link #analyze(Path)}, for a caller that has read the server metrics already (the HTML report draws them). */
    public static RunSummary analyze(RunData data, ServerMetrics server) {
        RunFiles files = data.files();
        RunInfo info = data.info();
        RequestLog requests = data.requests();
        double startSec = data.injectionStartSec();
        LoadTimeline timeline = data.timeline();

        List<LoadStep> holds = timeline.steps().stream().filter(step -> step.kind() == StepKind.HOLD).toList();
        boolean byHolds = holds.size() >= 2;
        List<EventsCsv.Event> events = RunEvents.of(files, server);
        TreeSet<Long> disturbed = DisturbedSeconds.of(requests, events);
        Map<Long, Integer> levelOfSecond = byHolds ? levelsFromHolds(holds) : levelsFromRates(requests, timeline);
        levelOfSecond.keySet().removeAll(disturbed);
        Aggregation aggregation = new Aggregation(timeline, levelOfSecond);
        DrillLatency drillLatency = new DrillLatency(DrillVerdicts.startSecs(events));
        LatencyHlog.forEachSecond(files, second -> {
            aggregation.accept(second);
            drillLatency.accept(second);
        });
        aggregation.finish();

        List<String> names = requests.requestNames();
        List<StepSummary> steps = new ArrayList<>();
        for (LoadStep step : timeline.steps()) {
            steps.add(summarize(step, requests, timeline, names, aggregation));
        }
        Map<String, RequestStats> measured = measured(steps, names, aggregation);
        double intended = 0;
        double achieved = 0;
        for (StepSummary step : steps) {
            if (step.step().measured()) {
                intended += step.intendedRps() * step.step().durationSec();
                achieved += step.achievedRps() * step.step().durationSec();
            }
        }

        List<LoadLevel> levels = byHolds && disturbed.isEmpty() ? holdLevels(holds, steps)
                : byHolds ? levels(levelOfSecond, requests, aggregation, index -> holds.get(index).name(), 1)
                : bandLevels(levelOfSecond, requests, aggregation);
        Knee knee = withDisturbance(KneeFinder.find(levels, byHolds ? "hold-steps" : "rate-bands"), disturbed);
        double lowLoadP99 = knee.levels().isEmpty() ? measured.get(Aggregation.ALL).latency().p99Micros()
                : knee.levels().get(0).latency().p99Micros();
        NavigableMap<Long, Double> p99 = p99ForCorrelation(aggregation, timeline, requests);
        p99.keySet().removeAll(disturbed);
        List<MetricCorrelation> drivers = LatencyDrivers.rank(p99, server.all(), lowLoadP99);
        List<RequestCost> costs = costs(requests, names, server);
        List<CommandCost> commands = CommandCosts.rank(server);
        MemoryPerUser memory = MemoryModel.fit(requests, server);
        JsonNode serverInfo = ServerInfoJson.read(files);
        AlarmsJson alarms = AlarmsJson.read(files);
        Summary.ServerLevels serverLevels = ServerLevels.of(server, timeline, alarms.thresholds());
        Timeline runTimeline = timeline(requests, timeline, aggregation, names);
        Summary.Integrity integrity = JourneyAudit.of(files);
        RunSummary draft = new RunSummary(info, startSec, steps, measured, intended, achieved,
                runTimeline, drivers, LatencyDrivers.sentence(drivers, lowLoadP99,
                server), knee, costs, commands, memory, serverLevels, AlarmPeriods.of(alarms), alarms.notEvaluated(),
                serverInfo, List.of(), integrity, events, DrillVerdicts.of(events, requests, runTimeline, drillLatency, integrity));
        return withWarnings(draft, server, data);
    }

    private static Map<Long, Integer> levelsFromHolds(List<LoadStep> holds) {
        Map<Long, Integer> levels = new HashMap<>();
        for (int i = 0; i < holds.size(); i++) {
            for (long sec = holds.get(i).startEpochSec(); sec < holds.get(i).endEpochSec(); sec++) {
                levels.put(sec, i);
            }
        }
        return levels;
    }

    /** Bands of equal width between the lowest and highest achieved rate of the measured seconds. */
    private static Map<Long, Integer> levelsFromRates(RequestLog requests, LoadTimeline timeline) {
        Map<Long, Long> rates = new TreeMap<>();
        for (long sec : requests.bySecond().keySet()) {
            LoadStep step = timeline.stepAt(sec);
            if (step != null && step.measured()) {
                rates.put(sec, requests.totalAt(sec));
            }
        }
        Map<Long, Integer> levels = new HashMap<>();
        if (rates.isEmpty()) {
            return levels;
        }
        long min = rates.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long max = rates.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double width = Math.max(1, (max - min + 1) / (double) RATE_BANDS);
        rates.forEach((sec, rate) -> levels.put(sec, (int) Math.min(RATE_BANDS - 1, (rate - min) / width)));
        return levels;
    }

    private static StepSummary summarize(LoadStep step, RequestLog requests, LoadTimeline timeline, List<String> names,
            Aggregation aggregation) {
        Map<String, RequestStats> stats = new LinkedHashMap<>();
        long allOk = 0;
        long allKo = 0;
        Map<String, Long> allCauses = new TreeMap<>();
        double intended = 0;
        for (long sec = step.startEpochSec(); sec < step.endEpochSec(); sec++) {
            intended += timeline.intendedRps(sec);
        }
        long duration = Math.max(1, step.durationSec());
        for (String name : names) {
            long ok = 0;
            long ko = 0;
            Map<String, Long> causes = new TreeMap<>();
            for (List<RequestSecond> rows : requests.bySecond().subMap(step.startEpochSec(), step.endEpochSec()).values()) {
                for (RequestSecond row : rows) {
                    if (row.request().equals(name)) {
                        ok += row.ok();
                        ko += row.ko();
                        row.koByCause().forEach((cause, count) -> causes.merge(cause, count, Long::sum));
                    }
                }
            }
            allOk += ok;
            allKo += ko;
            causes.forEach((cause, count) -> allCauses.merge(cause, count, Long::sum));
            stats.put(name, new RequestStats(name, ok, ko, causes, (ok + ko) / (double) duration,
                    aggregation.step(step.name(), name)));
        }
        stats.put(Aggregation.ALL, new RequestStats(Aggregation.ALL, allOk, allKo, allCauses,
                (allOk + allKo) / (double) duration, aggregation.step(step.name(), Aggregation.ALL)));
        return new StepSummary(step, intended / duration, (allOk + allKo) / (double) duration, stats);
    }

    private static Map<String, RequestStats> measured(List<StepSummary> steps, List<String> names,
            Aggregation aggregation) {
        Map<String, RequestStats> measured = new LinkedHashMap<>();
        long seconds = steps.stream().filter(s -> s.step().measured()).mapToLong(s -> s.step().durationSec()).sum();
        List<String> keys = new ArrayList<>(names);
        keys.add(Aggregation.ALL);
        for (String name : keys) {
            long ok = 0;
            long ko = 0;
            Map<String, Long> causes = new TreeMap<>();
            for (StepSummary step : steps) {
                RequestStats stats = step.requests().get(name);
                if (step.step().measured() && stats != null) {
                    ok += stats.ok();
                    ko += stats.ko();
                    stats.koByCause().forEach((cause, count) -> causes.merge(cause, count, Long::sum));
                }
            }
            measured.put(name, new RequestStats(name, ok, ko, causes, (ok + ko) / (double) Math.max(1, seconds),
                    aggregation.measured(name)));
        }
        return measured;
    }

    private static List<LoadLevel> holdLevels(List<LoadStep> holds, List<StepSummary> steps) {
        List<LoadLevel> levels = new ArrayList<>();
        for (StepSummary step : steps) {
            if (holds.contains(step.step())) {
                RequestStats all = step.all();
                levels.add(new LoadLevel(step.step().name(), step.step().durationSec(), step.achievedRps(),
                        all.latency(), all.ok(), all.ko()));
            }
        }
        return levels;
    }

    /** The knee found without the seconds of outages and drills, saying how many were left out. */
    private static Knee withDisturbance(Knee knee, Set<Long> disturbed) {
        if (disturbed.isEmpty()) {
            return knee;
        }
        return new Knee(knee.found(), knee.kneeRps(), knee.brokenAtRps(), knee.method(), knee.levels(),
                knee.sentence() + String.format(Locale.ROOT, " (%d s of drills and outages left out: they say what "
                        + "the target does when disturbed, not what load it holds)", disturbed.size()));
    }

    private static List<LoadLevel> bandLevels(Map<Long, Integer> levelOfSecond, RequestLog requests,
            Aggregation aggregation) {
        return levels(levelOfSecond, requests, aggregation, null, MIN_SECONDS_PER_BAND);
    }

    /** Levels from the seconds left in {@code levelOfSecond}: named by {@code nameOf}, or as rate bands when null. */
    private static List<LoadLevel> levels(Map<Long, Integer> levelOfSecond, RequestLog requests, Aggregation aggregation,
            java.util.function.IntFunction<String> nameOf, int minSeconds) {
        Map<Integer, long[]> byBand = new TreeMap<>();
        levelOfSecond.forEach((sec, band) -> {
            long[] totals = byBand.computeIfAbsent(band, b -> new long[3]);
            totals[0]++;
            for (RequestSecond row : requests.bySecond().getOrDefault(sec, List.of())) {
                totals[1] += row.ok();
                totals[2] += row.ko();
            }
        });
        List<LoadLevel> levels = new ArrayList<>();
        byBand.forEach((band, totals) -> {
            if (totals[0] >= minSeconds) {
                double rate = (totals[1] + totals[2]) / (double) totals[0];
                String name = nameOf != null ? nameOf.apply(band)
                        : String.format(Locale.ROOT, "band-%d (%,.0f req/s, %d s)", band + 1, rate, totals[0]);
                levels.add(new LoadLevel(name, totals[0], rate, aggregation.level(band), totals[1], totals[2]));
            }
        });
        return levels;
    }

    private static NavigableMap<Long, Double> p99ForCorrelation(Aggregation aggregation, LoadTimeline timeline,
            RequestLog requests) {
        NavigableMap<Long, Double> p99 = new TreeMap<>();
        aggregation.perSecond().forEach((sec, stats) -> {
            LoadStep step = timeline.stepAt(sec);
            LatencyStats all = stats.get(Aggregation.ALL);
            if (step != null && step.measured() && all != null
                    && all.count() >= LatencyDrivers.MIN_REQUESTS_PER_SECOND) {
                p99.put(sec, all.p99Micros());
            }
        });
        return p99;
    }

    private static List<RequestCost> costs(RequestLog requests, List<String> kinds, ServerMetrics server) {
        if (requests.isEmpty() || !server.hasServerSamples()) {
            return List.of();
        }
        long from = requests.bySecond().firstKey() - SERVER_MARGIN_SEC;
        long to = requests.bySecond().lastKey() + SERVER_MARGIN_SEC;
        Map<String, NavigableMap<Long, Double>> resources = new LinkedHashMap<>();
        NavigableMap<Long, Double> engine = new TreeMap<>();
        server.sumOverNodes("EngineCPUUtilization").forEach((sec, pct) -> engine.put(sec, pct * ENGINE_MICROS_PER_PERCENT));
        resources.put("engine_cpu_micros", engine);
        NavigableMap<Long, Double> process = new TreeMap<>();
        server.sumOverNodes("ProcessCPUUtilization").forEach((sec, pct) -> process.put(sec, pct * ENGINE_MICROS_PER_PERCENT));
        resources.put("process_cpu_micros", process);
        resources.put("command_cpu_micros", CommandCosts.cpuMicrosPerSec(server));
        resources.put("commands", server.sumOverNodes("TotalCmds"));
        NavigableMap<Long, Double> network = new TreeMap<>(server.sumOverNodes("NetworkBytesIn"));
        NavigableMap<Long, Double> out = server.sumOverNodes("NetworkBytesOut");
        network.keySet().retainAll(out.keySet());
        out.forEach((sec, bytes) -> network.computeIfPresent(sec, (s, in) -> in + bytes));
        resources.put("network_bytes", network);
        List<RequestCost> costs = new ArrayList<>();
        TreeSet<Long> resets = server.counterResets();
        resources.forEach((resource, series) -> {
            RequestCost cost = RequestCostModel.fit(resource, requests, kinds, series.subMap(from, true, to, true), resets);
            if (cost != null) {
                costs.add(cost);
            }
        });
        return costs;
    }

    private static Timeline timeline(RequestLog requests, LoadTimeline load, Aggregation aggregation, List<String> names) {
        if (requests.isEmpty()) {
            return new Timeline(new long[0], new double[0], new double[0], new double[0], Map.of());
        }
        long first = requests.bySecond().firstKey();
        long last = requests.bySecond().lastKey();
        int length = (int) (last - first + 1);
        long[] seconds = new long[length];
        double[] intended = new double[length];
        double[] achieved = new double[length];
        double[] ko = new double[length];
        Map<String, Map<String, double[]>> latency = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(names);
        keys.add(Aggregation.ALL);
        for (String key : keys) {
            Map<String, double[]> percentiles = new LinkedHashMap<>();
            percentiles.put("p50", filled(length));
            percentiles.put("p99", filled(length));
            latency.put(key, percentiles);
        }
        for (int i = 0; i < length; i++) {
            long sec = first + i;
            seconds[i] = sec;
            intended[i] = load.intendedRps(sec);
            for (RequestSecond row : requests.bySecond().getOrDefault(sec, List.of())) {
                achieved[i] += row.total();
                ko[i] += row.ko();
            }
            Map<String, LatencyStats> stats = aggregation.perSecond().getOrDefault(sec, Map.of());
            for (String key : keys) {
                LatencyStats second = stats.get(key);
                if (second != null && second.count() > 0) {
                    latency.get(key).get("p50")[i] = second.p50Micros();
                    latency.get(key).get("p99")[i] = second.p99Micros();
                }
            }
        }
        return new Timeline(seconds, intended, achieved, ko, latency);
    }

    private static double[] filled(int length) {
        double[] values = new double[length];
        java.util.Arrays.fill(values, Double.NaN);
        return values;
    }

    private static RunSummary withWarnings(RunSummary summary, ServerMetrics server, RunData data) {
        List<Summary.Warning> warnings = RunWarnings.of(summary, server, data);
        return new RunSummary(summary.info(), summary.injectionStartSec(), summary.steps(), summary.measured(),
                summary.intendedRequests(), summary.achievedRequests(), summary.timeline(), summary.drivers(),
                summary.driverSentence(), summary.knee(), summary.costs(), summary.commands(), summary.memory(),
                summary.serverLevels(), summary.alarms(), summary.alarmsNotEvaluated(), summary.serverInfo(),
                warnings, summary.integrity(), summary.events(), summary.drills());
    }
}
