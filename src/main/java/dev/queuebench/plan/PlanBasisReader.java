package dev.queuebench.plan;

import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.Summary;
import dev.queuebench.rundir.SummaryFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Turns runs into a {@link PlanBasis}, from their {@code summary.json} only: per-request costs
 * pooled over the runs, weighted by each run's measured requests; memory per user from the run that
 * sampled it longest; server levels pooled by their sample counts.
 */
public final class PlanBasisReader {
    /** The capacity plan's alarms (DESIGN.md): used when no run has alarms.json with rules. */
    static final Map<String, Double> CAPACITY_PLAN_ALARMS = capacityPlanAlarms();

    /** In the plan's own order, so every plan prints them the same way. */
    private static Map<String, Double> capacityPlanAlarms() {
        Map<String, Double> alarms = new LinkedHashMap<>();
        alarms.put("CPUUtilization", 70.0);
        alarms.put("DatabaseMemoryUsagePercentage", 80.0);
        alarms.put("CurrConnections", 5_000.0);
        return java.util.Collections.unmodifiableMap(alarms);
    }

    private PlanBasisReader() {
    }

    /** Reads each run's summary.json; a run without one is an error giving the {@code report} command. */
    public static PlanBasis read(List<Path> runDirs) {
        return of(runDirs.stream().map(dir -> SummaryFile.read(RunFiles.open(dir))).toList());
    }

    static PlanBasis of(List<Summary> runs) {
        Pooled engine = Pooled.of(runs, "engine_cpu_micros");
        Summary.Memory memory = runs.stream().map(Summary::memory).filter(m -> m != null && m.samples() > 0)
                .max(Comparator.comparingInt(Summary.Memory::samples)).orElse(null);
        String nodeType = runs.isEmpty() ? "unknown" : runs.get(0).run().nodeType();
        Map<String, Double> alarms = new LinkedHashMap<>();
        runs.forEach(run -> alarms.putAll(run.serverLevels().alarmThresholds()));
        if (alarms.isEmpty()) {
            alarms.putAll(CAPACITY_PLAN_ALARMS);
        }
        Summary.ServerLevels last = runs.isEmpty() ? null : runs.get(runs.size() - 1).serverLevels();
        return new PlanBasis(runs.stream().map(run -> run.run().id()).toList(), nodeType, measuredRps(runs),
                runs.stream().flatMap(run -> run.steps().stream()).filter(Summary.Step::measured)
                        .mapToDouble(Summary.Step::achievedRps).max().orElse(0),
                mix(runs), engine.mean(), engine.background(), engineByKind(runs, engine), Pooled.of(runs,
                        "process_cpu_micros").mean(), Pooled.of(runs, "process_cpu_micros").background(),
                Pooled.of(runs, "commands").mean(), Pooled.of(runs, "network_bytes").mean(),
                memory == null ? Double.NaN : memory.bytesPerUser(), memory == null ? Double.NaN : memory.fixedBytes(),
                pooledLevel(runs, Summary.ServerLevels::newConnectionsPerSec, l -> l.newConnectionsSamples()),
                pooledLevel(runs, Summary.ServerLevels::engineCpuPctMeasured, l -> l.engineCpuSamples()),
                usedBytesAtEnd(runs), alarms, warnings(runs, nodeType));
    }

    /** Mean achieved total rate over every run's measured steps, weighted by their durations. */
    private static double measuredRps(List<Summary> runs) {
        double weighted = 0;
        double seconds = 0;
        for (Summary run : runs) {
            for (Summary.Step step : run.steps()) {
                if (step.measured()) {
                    weighted += step.achievedRps() * step.durationSec();
                    seconds += step.durationSec();
                }
            }
        }
        return seconds > 0 ? weighted / seconds : Double.NaN;
    }

    /** Each request name's share of the measured requests of all runs. */
    private static Map<String, Double> mix(List<Summary> runs) {
        Map<String, Double> requestsByKind = new TreeMap<>();
        runs.forEach(run -> run.requests().forEach((kind, stats) -> {
            if (!"all".equals(kind)) {
                requestsByKind.merge(kind, (double) stats.count(), Double::sum);
            }
        }));
        double total = requestsByKind.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> mix = new TreeMap<>();
        requestsByKind.forEach((kind, count) -> mix.put(kind, total > 0 ? count / total : 0));
        return mix;
    }

    /** Engine CPU per request name, request-weighted over the runs; empty when any run could not split it. */
    private static Map<String, Double> engineByKind(List<Summary> runs, Pooled engine) {
        Map<String, Double> weighted = new TreeMap<>();
        for (Summary run : runs) {
            Summary.ResourceCost cost = run.serverCost().of("engine_cpu_micros");
            if (cost == null) {
                continue;
            }
            if (!cost.splitReliable()) {
                return Map.of();
            }
            double requests = Pooled.requests(run);
            cost.perRequest().forEach((kind, micros) -> weighted.merge(kind, micros * requests, Double::sum));
        }
        Map<String, Double> byKind = new TreeMap<>();
        if (engine.weight > 0) {
            weighted.forEach((kind, sum) -> byKind.put(kind, sum / engine.weight));
        }
        return byKind;
    }

    private static double pooledLevel(List<Summary> runs, ToDoubleFunction<Summary.ServerLevels> mean,
            java.util.function.ToIntFunction<Summary.ServerLevels> samples) {
        double sum = 0;
        int count = 0;
        for (Summary run : runs) {
            int n = samples.applyAsInt(run.serverLevels());
            if (n > 0) {
                sum += mean.applyAsDouble(run.serverLevels()) * n;
                count += n;
            }
        }
        return count > 0 ? sum / count : Double.NaN;
    }

    /** Used memory at the end of the last run that sampled it. */
    private static double usedBytesAtEnd(List<Summary> runs) {
        double used = Double.NaN;
        for (Summary run : runs) {
            if (!Double.isNaN(run.serverLevels().usedBytesAtEnd())) {
                used = run.serverLevels().usedBytesAtEnd();
            }
        }
        return used;
    }

    private static List<String> warnings(List<Summary> runs, String nodeType) {
        LinkedHashSet<String> warnings = new LinkedHashSet<>();
        for (Summary run : runs) {
            if (!nodeType.equals(run.run().nodeType())) {
                warnings.add("The runs were made on different node types (" + nodeType + ", " + run.run().nodeType()
                        + "); their costs are pooled as if on one.");
            }
            if (run.run().noVerdict()) {
                warnings.add("Run " + run.run().id() + " is " + run.run().outcome() + ": it did not deliver "
                        + "its load, so the latencies and knee behind this plan are not the target's.");
            }
            run.warnings().stream().filter(warning -> warning.code().limitsAPlan())
                    .forEach(warning -> warnings.add(warning.message()));
        }
        return new ArrayList<>(warnings);
    }

    /** A request-weighted mean of per-request costs and backgrounds over the runs. */
    private static final class Pooled {
        double perRequest;
        double background;
        double weight;

        static Pooled of(List<Summary> runs, String resource) {
            Pooled pooled = new Pooled();
            for (Summary run : runs) {
                Summary.ResourceCost cost = run.serverCost().of(resource);
                double requests = requests(run);
                if (cost != null && requests > 0) {
                    pooled.perRequest += cost.meanPerRequest() * requests;
                    pooled.background += cost.backgroundPerSec() * requests;
                    pooled.weight += requests;
                }
            }
            return pooled;
        }

        static double requests(Summary run) {
            Summary.RequestStats all = run.requests().get("all");
            return all == null ? 0 : all.count();
        }

        double mean() {
            return weight > 0 ? perRequest / weight : Double.NaN;
        }

        double background() {
            return weight > 0 ? background / weight : Double.NaN;
        }
    }
}
