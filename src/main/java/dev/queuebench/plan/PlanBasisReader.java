package dev.queuebench.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuebench.analysis.RequestCost;
import dev.queuebench.analysis.RequestStats;
import dev.queuebench.analysis.RunAnalysis;
import dev.queuebench.rundir.RunDataException;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.analysis.RunSummary;
import dev.queuebench.analysis.SeriesKey;
import dev.queuebench.analysis.ServerMetrics;
import dev.queuebench.analysis.StepSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Turns run directories into a {@link PlanBasis}: per-request costs pooled over the runs, weighted
 * by each run's measured requests; memory per user from the run that sampled it longest.
 */
public final class PlanBasisReader {
    /** The capacity plan's alarms (DESIGN.md): used when a run has no alarms.json with rules. */
    static final Map<String, Double> CAPACITY_PLAN_ALARMS = Map.of("CPUUtilization", 70.0,
            "DatabaseMemoryUsagePercentage", 80.0, "CurrConnections", 5_000.0);

    private PlanBasisReader() {
    }

    public static PlanBasis read(List<Path> runDirs) {
        List<String> ids = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Double> requestsByKind = new TreeMap<>();
        double weightedRps = 0;
        double seconds = 0;
        double peak = 0;
        Pooled engine = new Pooled();
        Pooled process = new Pooled();
        Pooled commands = new Pooled();
        Pooled network = new Pooled();
        Map<String, Double> engineByKind = new TreeMap<>();
        boolean splitReliable = true;
        double bytesPerUser = Double.NaN;
        double fixedBytes = Double.NaN;
        int memorySamples = 0;
        double newConnections = 0;
        int newConnectionSamples = 0;
        double enginePctSum = 0;
        int enginePctSamples = 0;
        double usedBytes = Double.NaN;
        String nodeType = null;
        Map<String, Double> alarms = new LinkedHashMap<>();
        for (Path dir : runDirs) {
            RunSummary summary = RunAnalysis.analyze(dir);
            ServerMetrics server = ServerMetrics.read(RunFiles.open(dir));
            ids.add(summary.info().id());
            nodeType = nodeType == null ? summary.info().nodeType() : nodeType;
            if (!nodeType.equals(summary.info().nodeType())) {
                warnings.add("The runs were made on different node types (" + nodeType + ", "
                        + summary.info().nodeType() + "); their costs are pooled as if on one.");
            }
            if (summary.info().deliveredNoVerdict()) {
                warnings.add("Run " + summary.info().id() + " is " + summary.info().outcome() + ": it did not deliver "
                        + "its load, so the latencies and knee behind this plan are not the target's.");
            }
            summary.measured().forEach((kind, stats) -> {
                if (!"all".equals(kind)) {
                    requestsByKind.merge(kind, (double) stats.count(), Double::sum);
                }
            });
            RequestStats all = summary.measured().get("all");
            for (StepSummary step : summary.steps()) {
                if (step.step().measured()) {
                    weightedRps += step.achievedRps() * step.step().durationSec();
                    seconds += step.step().durationSec();
                    peak = Math.max(peak, step.achievedRps());
                }
            }
            double weight = all == null ? 0 : all.count();
            engine.add(summary.cost("engine_cpu_micros"), weight);
            process.add(summary.cost("process_cpu_micros"), weight);
            commands.add(summary.cost("commands"), weight);
            network.add(summary.cost("network_bytes"), weight);
            RequestCost engineCost = summary.cost("engine_cpu_micros");
            if (engineCost != null) {
                splitReliable &= engineCost.splitReliable();
                engineCost.perRequest().forEach((kind, micros) -> engineByKind.merge(kind, micros * weight, Double::sum));
            }
            if (summary.memory() != null && summary.memory().samples() > memorySamples) {
                memorySamples = summary.memory().samples();
                bytesPerUser = summary.memory().bytesPerUser();
                fixedBytes = summary.memory().fixedBytes();
            }
            for (double value : server.sumOverNodes("NewConnections").values()) {
                newConnections += value;
                newConnectionSamples++;
            }
            NavigableMap<Long, Double> enginePct = server.get(SeriesKey.server("primary", "EngineCPUUtilization"));
            for (StepSummary step : summary.steps()) {
                if (step.step().measured()) {
                    for (double value : enginePct.subMap(step.step().startEpochSec(), step.step().endEpochSec()).values()) {
                        enginePctSum += value;
                        enginePctSamples++;
                    }
                }
            }
            NavigableMap<Long, Double> used = server.get(SeriesKey.server("primary", "BytesUsedForCache"));
            if (!used.isEmpty()) {
                usedBytes = used.lastEntry().getValue();
            }
            alarms.putAll(alarmRules(RunFiles.open(dir)));
            summary.warnings().stream().filter(w -> w.startsWith("Redis evicted") || w.startsWith("maxmemory-policy")
                    || w.startsWith("No server metrics")).forEach(warnings::add);
        }
        double totalRequests = requestsByKind.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> mix = new TreeMap<>();
        requestsByKind.forEach((kind, count) -> mix.put(kind, totalRequests > 0 ? count / totalRequests : 0));
        Map<String, Double> byKind = new TreeMap<>();
        if (splitReliable && engine.weight > 0) {
            engineByKind.forEach((kind, weighted) -> byKind.put(kind, weighted / engine.weight));
        }
        if (alarms.isEmpty()) {
            alarms.putAll(CAPACITY_PLAN_ALARMS);
        }
        return new PlanBasis(List.copyOf(ids), nodeType == null ? "unknown" : nodeType,
                seconds > 0 ? weightedRps / seconds : Double.NaN, peak, mix, engine.mean(), engine.background(),
                byKind, process.mean(), process.background(), commands.mean(), network.mean(), bytesPerUser, fixedBytes,
                newConnectionSamples > 0 ? newConnections / newConnectionSamples : Double.NaN,
                enginePctSamples > 0 ? enginePctSum / enginePctSamples : Double.NaN, usedBytes, alarms,
                List.copyOf(new java.util.LinkedHashSet<>(warnings)));
    }

    /** A request-weighted mean of per-request costs and backgrounds over the runs. */
    private static final class Pooled {
        double perRequest;
        double background;
        double weight;

        void add(RequestCost cost, double requests) {
            if (cost != null && requests > 0) {
                perRequest += cost.meanPerRequest() * requests;
                background += cost.backgroundPerSec() * requests;
                weight += requests;
            }
        }

        double mean() {
            return weight > 0 ? perRequest / weight : Double.NaN;
        }

        double background() {
            return weight > 0 ? background / weight : Double.NaN;
        }
    }

    /** Thresholds by metric from the rules in alarms.json ({@code metric}/{@code MetricName}, {@code threshold}/{@code Threshold}). */
    static Map<String, Double> alarmRules(RunFiles files) {
        Map<String, Double> rules = new LinkedHashMap<>();
        if (!files.has(RunFiles.ALARMS_JSON)) {
            return rules;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(files.file(RunFiles.ALARMS_JSON).toFile());
            for (JsonNode rule : root.path("rules")) {
                String metric = rule.has("metric") ? rule.path("metric").asText() : rule.path("MetricName").asText("");
                double threshold = rule.has("threshold") ? rule.path("threshold").asDouble()
                        : rule.path("Threshold").asDouble(Double.NaN);
                if (!metric.isEmpty() && !Double.isNaN(threshold)) {
                    rules.put(metric, threshold);
                }
            }
        } catch (IOException e) {
            throw new RunDataException(String.format(Locale.ROOT, "%s is not valid JSON: %s",
                    files.file(RunFiles.ALARMS_JSON), e.getMessage()), e);
        }
        return rules;
    }
}
