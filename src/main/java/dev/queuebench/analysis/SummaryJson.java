package dev.queuebench.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes {@code summary.json}, the machine-readable truth that compare, gate and plan read.
 * Schema version {@value #SCHEMA_VERSION}; every number carries its unit in its name, absent
 * values are {@code null} (never NaN):
 *
 * <pre>
 * {
 *   "schema_version": 1,
 *   "run": {"id","label","profile","profile_description","scale","target","redis","node_type","outcome","reason",
 *           "start_ms","end_ms","injection_start_epoch_sec","no_verdict": true when saturated/aborted/unfinished},
 *   "load": {"intended_requests","achieved_requests","delivered_pct"},
 *   "requests": {"join": STATS, "status": STATS, …, "all": STATS}          (measured steps: ramps and holds)
 *   "steps": [{"name","kind": warmup|ramp|hold|drain,"start_epoch_sec","end_epoch_sec","duration_sec",
 *              "from_rps","to_rps","intended_rps","achieved_rps","requests": {"join": STATS, …, "all": STATS}}],
 *   "knee": {"found","knee_rps","broken_at_rps","method": hold-steps|rate-bands,"sentence",
 *            "levels": [{"name","seconds","achieved_rps","p99_micros","error_rate_pct","count"}]},
 *   "latency_drivers": {"sentence","ranked": [{"metric","node","source","rho","lag_sec","samples","above_value"}]},
 *   "server_cost": {"per_request": [{"resource": engine_cpu_micros|process_cpu_micros|command_cpu_micros|commands|network_bytes,
 *                    "per_request": {"join": x, …},"background_per_sec","mean_per_request","r_squared",
 *                    "split_reliable","seconds"}],
 *                   "commands": [{"command","cpu_micros","calls","cpu_share_pct","micros_per_call","calls_per_sec",
 *                                 "linear_in_size","walks_data"}]},
 *   "memory": {"bytes_per_user","keys_per_user","bytes_per_key","fixed_bytes","users_joined","samples",
 *              "evicted_keys"} | null,
 *   "alarms": [{"alarm","node","source","start_epoch_sec","end_epoch_sec","peak_value"}],
 *   "server_info": (server-info.json as the sampler wrote it),
 *   "warnings": ["…"]
 * }
 * STATS = {"count","ok","ko","error_rate_pct","ko_by_cause": {cause: count},"throughput_rps",
 *          "latency_micros": {"p50","p90","p99","p999","max","mean"}}
 * </pre>
 * The per-second timeline is not repeated here: compare and gate read {@code latency.hlog} itself.
 */
public final class SummaryJson {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    public static ObjectNode toJson(RunSummary summary) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        RunInfo info = summary.info();
        ObjectNode run = root.putObject("run");
        run.put("id", info.id());
        run.put("label", info.label());
        run.put("profile", info.profileName());
        run.put("profile_description", info.profileDescription());
        run.put("scale", info.scale());
        run.put("target", info.gatewayUrl());
        run.put("redis", info.redis());
        run.put("node_type", info.nodeType());
        run.put("outcome", info.outcome());
        run.put("reason", info.reason());
        run.put("start_ms", info.startMs());
        run.put("end_ms", info.endMs());
        number(run, "injection_start_epoch_sec", summary.injectionStartSec());
        run.put("no_verdict", info.deliveredNoVerdict());
        ObjectNode load = root.putObject("load");
        number(load, "intended_requests", summary.intendedRequests());
        number(load, "achieved_requests", summary.achievedRequests());
        number(load, "delivered_pct", summary.deliveredPct());
        root.set("requests", requests(summary.measured()));
        ArrayNode steps = root.putArray("steps");
        for (StepSummary step : summary.steps()) {
            ObjectNode node = steps.addObject();
            node.put("name", step.step().name());
            node.put("kind", step.step().kind().label());
            node.put("start_epoch_sec", step.step().startEpochSec());
            node.put("end_epoch_sec", step.step().endEpochSec());
            node.put("duration_sec", step.step().durationSec());
            number(node, "from_rps", step.step().fromRps());
            number(node, "to_rps", step.step().toRps());
            number(node, "intended_rps", step.intendedRps());
            number(node, "achieved_rps", step.achievedRps());
            node.set("requests", requests(step.requests()));
        }
        root.set("knee", knee(summary.knee()));
        ObjectNode drivers = root.putObject("latency_drivers");
        drivers.put("sentence", summary.driverSentence());
        ArrayNode ranked = drivers.putArray("ranked");
        for (MetricCorrelation correlation : summary.drivers()) {
            ObjectNode node = ranked.addObject();
            node.put("metric", correlation.series().metric());
            node.put("node", correlation.series().node());
            node.put("source", correlation.series().source());
            number(node, "rho", correlation.rho());
            node.put("lag_sec", correlation.lagSec());
            node.put("samples", correlation.samples());
            number(node, "above_value", correlation.aboveValue());
        }
        root.set("server_cost", serverCost(summary));
        root.set("memory", memory(summary.memory()));
        ArrayNode alarms = root.putArray("alarms");
        for (AlarmPeriod period : summary.alarms()) {
            ObjectNode node = alarms.addObject();
            node.put("alarm", period.alarm());
            node.put("node", period.node());
            node.put("source", period.source());
            node.put("start_epoch_sec", period.startEpochSec());
            node.put("end_epoch_sec", period.endEpochSec());
            number(node, "peak_value", period.peakValue());
        }
        root.set("server_info", summary.serverInfo());
        ArrayNode warnings = root.putArray("warnings");
        summary.warnings().forEach(warnings::add);
        return root;
    }

    public static void write(RunSummary summary, Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(temporary.toFile(), toJson(summary));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static ObjectNode requests(Map<String, RequestStats> requests) {
        ObjectNode node = JSON.createObjectNode();
        requests.forEach((name, stats) -> node.set(name, stats(stats)));
        return node;
    }

    static ObjectNode stats(RequestStats stats) {
        ObjectNode node = JSON.createObjectNode();
        node.put("count", stats.count());
        node.put("ok", stats.ok());
        node.put("ko", stats.ko());
        number(node, "error_rate_pct", stats.errorRatePct());
        ObjectNode causes = node.putObject("ko_by_cause");
        stats.koByCause().forEach(causes::put);
        number(node, "throughput_rps", stats.throughputRps());
        ObjectNode latency = node.putObject("latency_micros");
        LatencyStats l = stats.latency();
        number(latency, "p50", l.p50Micros());
        number(latency, "p90", l.p90Micros());
        number(latency, "p99", l.p99Micros());
        number(latency, "p999", l.p999Micros());
        number(latency, "max", l.maxMicros());
        number(latency, "mean", l.meanMicros());
        return node;
    }

    private static ObjectNode knee(Knee knee) {
        ObjectNode node = JSON.createObjectNode();
        node.put("found", knee.found());
        number(node, "knee_rps", knee.kneeRps());
        number(node, "broken_at_rps", knee.brokenAtRps());
        node.put("method", knee.method());
        node.put("sentence", knee.sentence());
        ArrayNode levels = node.putArray("levels");
        for (LoadLevel level : knee.levels()) {
            ObjectNode l = levels.addObject();
            l.put("name", level.name());
            l.put("seconds", level.seconds());
            number(l, "achieved_rps", level.achievedRps());
            number(l, "p99_micros", level.latency().p99Micros());
            number(l, "error_rate_pct", level.errorRatePct());
            l.put("count", level.ok() + level.ko());
        }
        return node;
    }

    private static ObjectNode serverCost(RunSummary summary) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode perRequest = node.putArray("per_request");
        for (RequestCost cost : summary.costs()) {
            ObjectNode c = perRequest.addObject();
            c.put("resource", cost.resource());
            ObjectNode kinds = c.putObject("per_request");
            cost.perRequest().forEach((kind, value) -> number(kinds, kind, value));
            number(c, "background_per_sec", cost.backgroundPerSec());
            number(c, "mean_per_request", cost.meanPerRequest());
            number(c, "r_squared", cost.rSquared());
            c.put("split_reliable", cost.splitReliable());
            c.put("seconds", cost.seconds());
        }
        ArrayNode commands = node.putArray("commands");
        for (CommandCost command : summary.commands()) {
            ObjectNode c = commands.addObject();
            c.put("command", command.command());
            number(c, "cpu_micros", command.cpuMicros());
            number(c, "calls", command.calls());
            number(c, "cpu_share_pct", command.cpuSharePct());
            number(c, "micros_per_call", command.microsPerCall());
            number(c, "calls_per_sec", command.callsPerSec());
            c.put("linear_in_size", command.linearInSize());
            c.put("walks_data", command.walksData());
        }
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode memory(MemoryPerUser memory) {
        if (memory == null) {
            return JSON.nullNode();
        }
        ObjectNode node = JSON.createObjectNode();
        number(node, "bytes_per_user", memory.bytesPerUser());
        number(node, "keys_per_user", memory.keysPerUser());
        number(node, "bytes_per_key", memory.bytesPerKey());
        number(node, "fixed_bytes", memory.fixedBytes());
        node.put("users_joined", memory.usersJoined());
        node.put("samples", memory.samples());
        number(node, "evicted_keys", memory.evictedKeys());
        return node;
    }

    static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
