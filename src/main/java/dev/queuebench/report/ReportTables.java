package dev.queuebench.report;

import dev.queuebench.analysis.AlarmPeriod;
import dev.queuebench.analysis.CommandCost;
import dev.queuebench.analysis.LatencyStats;
import dev.queuebench.analysis.LoadLevel;
import dev.queuebench.analysis.MemoryPerUser;
import dev.queuebench.analysis.MetricCorrelation;
import dev.queuebench.analysis.RequestCost;
import dev.queuebench.analysis.RequestStats;
import dev.queuebench.analysis.RunInfo;
import dev.queuebench.analysis.RunSummary;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.Summary;
import dev.queuebench.analysis.StepSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The report's content as tables, in the order a reader needs it: the run at a glance, per request,
 * per load step, the knee, what moves with latency, what each request costs the server, the
 * commands by CPU, memory, alarms. Markdown and HTML render the same tables.
 */
public final class ReportTables {
    static final int TOP_DRIVERS = 10;
    static final int TOP_COMMANDS = 12;

    private ReportTables() {
    }

    public static Table glance(RunSummary summary) {
        RunInfo info = summary.info();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("outcome", outcome(info)));
        rows.add(List.of("profile", info.profileName() + " (" + info.profileDescription() + "), scale "
                + Numbers.value(info.scale())));
        rows.add(List.of("target", info.gatewayUrl() + " → " + info.redis()));
        rows.add(List.of("node type", info.nodeType()));
        rows.add(List.of("started", info.startMs() > 0 ? Instant.ofEpochMilli(info.startMs()).toString() : "–"));
        rows.add(List.of("duration", info.endMs() > info.startMs()
                ? Numbers.value((info.endMs() - info.startMs()) / 1000.0) + " s" : "–"));
        rows.add(List.of("load (measured steps)", String.format(Locale.ROOT, "%s requests achieved of %s intended (%s)",
                Numbers.count(Math.round(summary.achievedRequests())), Numbers.count(Math.round(summary.intendedRequests())),
                Numbers.pct(summary.deliveredPct()))));
        double peakIntended = summary.steps().stream().mapToDouble(StepSummary::intendedRps).max().orElse(Double.NaN);
        double peakAchieved = summary.steps().stream().filter(s -> s.step().measured())
                .mapToDouble(StepSummary::achievedRps).max().orElse(Double.NaN);
        rows.add(List.of("peak step rate", Numbers.rate(peakAchieved) + " req/s achieved, "
                + Numbers.rate(peakIntended) + " req/s intended"));
        return new Table("The run at a glance", "", List.of("", ""), rows);
    }

    /** A merged run's parts: how each injector ended, when it last recorded a second, what it delivered. */
    public static Table parts(RunSummary summary) {
        RunJson run = summary.info().run();
        List<List<String>> rows = new ArrayList<>();
        for (RunJson.Part part : run.partsOrNone()) {
            rows.add(List.of(Integer.toString(part.index()), part.outcome().code()
                    + (part.reason() == null || part.reason().isEmpty() ? "" : ": " + part.reason()),
                    part.lastSecondEpochSec() == null ? "none" : Instant.ofEpochSecond(part.lastSecondEpochSec()).toString(),
                    Numbers.count(part.sentRequests()) + " of " + Numbers.count(Math.round(part.intendedRequests())),
                    part.maxCpuShare() == null ? "–" : Numbers.pct(100 * part.maxCpuShare()),
                    "parts/" + part.index() + "/gatling/"));
        }
        return new Table("Parts", "This run is merged from " + run.partsOrNone().size() + " of " + run.injector().count()
                + " injectors' parts (run group " + run.injector().runGroup() + "); latencies and counts are their exact "
                + "sums. Each part's own Gatling output is in the directory named.",
                List.of("injector", "outcome", "last second", "requests sent of planned", "peak CPU", "Gatling"), rows);
    }

    static String outcome(RunInfo info) {
        String outcome = info.outcome();
        if (info.deliveredNoVerdict()) {
            outcome = outcome.toUpperCase(Locale.ROOT) + " (no verdict possible)";
        }
        return info.reason().isBlank() ? outcome : outcome + ": " + info.reason();
    }

    public static Table perRequest(RunSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        summary.measured().forEach((name, stats) -> rows.add(requestRow(name, stats)));
        return new Table("Per request (ramps and holds)", "Latency in milliseconds, from the merged per-second "
                + "histograms; errors by cause.", requestHeaders("request"), rows);
    }

    public static Table perStep(RunSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        for (StepSummary step : summary.steps()) {
            for (Map.Entry<String, RequestStats> entry : step.requests().entrySet()) {
                if (entry.getValue().count() == 0) {
                    continue;
                }
                List<String> row = new ArrayList<>();
                row.add(step.step().name());
                row.add(step.step().kind().label());
                row.add(Numbers.rate(step.intendedRps()));
                row.add(Numbers.rate(step.achievedRps()));
                row.addAll(requestRow(entry.getKey(), entry.getValue()));
                rows.add(row);
            }
        }
        List<String> headers = new ArrayList<>(List.of("step", "kind", "intended req/s", "achieved req/s"));
        headers.addAll(requestHeaders("request"));
        return new Table("Per load step", "Each ramp and hold of the profile; warm-up and drain for context.",
                headers, rows);
    }

    private static List<String> requestHeaders(String first) {
        return List.of(first, "count", "req/s", "errors", "errors by cause", "p50", "p90", "p99", "p99.9", "max");
    }

    private static List<String> requestRow(String name, RequestStats stats) {
        LatencyStats l = stats.latency();
        String causes = stats.koByCause().entrySet().stream().map(e -> e.getKey() + " " + Numbers.count(e.getValue()))
                .collect(Collectors.joining(", "));
        return List.of(name, Numbers.count(stats.count()), Numbers.rate(stats.throughputRps()),
                Numbers.pct(stats.errorRatePct()), causes.isEmpty() ? "–" : causes, Numbers.millis(l.p50Micros()),
                Numbers.millis(l.p90Micros()), Numbers.millis(l.p99Micros()), Numbers.millis(l.p999Micros()),
                Numbers.millis(l.maxMicros()));
    }

    public static Table knee(RunSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        for (LoadLevel level : summary.knee().levels()) {
            rows.add(List.of(level.name(), Numbers.count(level.seconds()), Numbers.rate(level.achievedRps()),
                    Numbers.count(level.ok() + level.ko()), Numbers.millis(level.latency().p99Micros()),
                    Numbers.pct(level.errorRatePct())));
        }
        return new Table("The knee", summary.knee().sentence() + " (method: " + summary.knee().method() + ")",
                List.of("level", "seconds", "achieved req/s", "requests", "p99 ms", "errors"), rows);
    }

    public static Table drivers(RunSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        for (MetricCorrelation correlation : summary.drivers().subList(0, Math.min(TOP_DRIVERS, summary.drivers().size()))) {
            rows.add(List.of(correlation.series().label(), String.format(Locale.ROOT, "%+.2f", correlation.rho()),
                    String.format(Locale.ROOT, "%+d s", correlation.lagSec()), Numbers.count(correlation.samples()),
                    Numbers.value(correlation.aboveValue())));
        }
        return new Table("What moves with latency", summary.driverSentence(),
                List.of("server metric", "Spearman ρ with p99", "lag (metric ahead)", "seconds",
                        "lowest value while p99 > 2× low-load"), rows);
    }

    public static Table requestCosts(RunSummary summary) {
        TreeSet<String> kinds = new TreeSet<>();
        summary.costs().forEach(cost -> kinds.addAll(cost.perRequest().keySet()));
        List<List<String>> rows = new ArrayList<>();
        for (RequestCost cost : summary.costs()) {
            List<String> row = new ArrayList<>();
            row.add(resourceLabel(cost.resource()));
            for (String kind : kinds) {
                row.add(Numbers.value(cost.perRequest().getOrDefault(kind, Double.NaN)));
            }
            row.add(Numbers.value(cost.meanPerRequest()));
            row.add(Numbers.value(cost.backgroundPerSec()));
            row.add(Numbers.value(cost.rSquared()) + (cost.splitReliable() ? "" : " (split uncertain)"));
            rows.add(row);
        }
        List<String> headers = new ArrayList<>();
        headers.add("per request");
        headers.addAll(kinds);
        headers.addAll(List.of("mean of the mix", "background per s", "R²"));
        return new Table("What each request costs the server", "Fitted over the run's seconds: server rate = Σ cost × "
                + "requests of each kind + background (non-negative least squares).", headers, rows);
    }

    static String resourceLabel(String resource) {
        return switch (resource) {
            case "engine_cpu_micros" -> "Redis main-thread CPU (µs)";
            case "process_cpu_micros" -> "Redis process CPU, all threads (µs)";
            case "command_cpu_micros" -> "command CPU, commandstats (µs)";
            case "commands" -> "commands";
            case "network_bytes" -> "network bytes (in + out)";
            default -> resource;
        };
    }

    public static Table commands(RunSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        for (CommandCost command : summary.commands().subList(0, Math.min(TOP_COMMANDS, summary.commands().size()))) {
            rows.add(List.of((command.walksData() ? "⚠ " : "") + commandLabel(command),
                    Numbers.pct(command.cpuSharePct()), Numbers.value(command.microsPerCall()),
                    Numbers.rate(command.callsPerSec()), Numbers.value(command.cpuMicros() / 1_000_000)));
        }
        return new Table("Commands by server CPU", "INFO commandstats over the run, which counts every client of "
                + "the server. ⚠ marks a command whose cost grows with the data (KEYS, a full XRANGE, …), whatever "
                + "its µs per call. A script's time includes the commands it calls, which keep their own rows: its "
                + "share counts only the script's own work, so the shares add up to 100% with nothing counted twice.",
                List.of("command", "share of command CPU", "µs per call", "calls per s", "CPU seconds"), rows);
    }

    private static String commandLabel(CommandCost command) {
        String name = command.command().toUpperCase(Locale.ROOT);
        if ("info".equals(command.command())) {
            return name + " (the sampler's own)";
        }
        if (command.innerCommandsCpuMicros() > 0) {
            return name + String.format(Locale.ROOT, " (its own work; %s CPU seconds of the commands its scripts "
                    + "call are in their rows)", Numbers.value(command.innerCommandsCpuMicros() / 1_000_000));
        }
        return command.walksData() && !command.sentByGateway() ? name + " (not sent by the gateway)" : name;
    }

    public static Table memory(RunSummary summary) {
        MemoryPerUser memory = summary.memory();
        List<List<String>> rows = new ArrayList<>();
        if (memory != null) {
            rows.add(List.of("bytes per joined user", Numbers.bytes(memory.bytesPerUser())));
            rows.add(List.of("keys per joined user", Numbers.value(memory.keysPerUser())));
            rows.add(List.of("bytes per key", Numbers.bytes(memory.bytesPerKey())));
            rows.add(List.of("memory with no user (intercept)", Numbers.bytes(memory.fixedBytes())));
            rows.add(List.of("users joined", Numbers.count(memory.usersJoined())));
            rows.add(List.of("keys evicted", Numbers.value(memory.evictedKeys())));
        }
        summary.serverInfo().path("nodes").fields().forEachRemaining(node -> rows.add(List.of(
                "maxmemory-policy on " + node.getKey(), node.getValue().path("maxmemory_policy").asText("?"))));
        return new Table("Memory", memory == null ? "No memory samples in server.csv." : "Fitted on the primary: "
                + "used memory and live keys against the users who had joined by then.", List.of("", ""), rows);
    }

    public static Table alarms(RunSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        for (AlarmPeriod period : summary.alarms()) {
            rows.add(List.of(period.alarm(), period.node(), period.source(),
                    Instant.ofEpochSecond(period.startEpochSec()).toString(),
                    Instant.ofEpochSecond(period.endEpochSec()).toString(), Numbers.value(period.peakValue())));
        }
        for (var rule : summary.alarmsNotEvaluated()) {
            rows.add(List.of(rule.alarm(), "", "", "not evaluated", rule.reason(), ""));
        }
        String caption = !summary.alarms().isEmpty() ? "When each alarm would have been in ALARM, with CloudWatch's "
                + "semantics; shaded in the charts."
                : summary.alarmsNotEvaluated().isEmpty() ? "No alarm went into ALARM during the run (alarms.json "
                        + "lists the rules evaluated)."
                : "No evaluated alarm went into ALARM; the rules below were not evaluated: the run is shorter than "
                        + "the periods they need.";
        return new Table("Alarms", caption,
                List.of("alarm", "node", "source", "from", "to", "peak"), rows);
    }

    /** The queue-integrity audit: what every user lived, judged against the gateway's own rules (docs/integrity.md). */
    public static Table integrity(RunSummary summary) {
        Summary.Integrity audit = summary.integrity();
        List<List<String>> rows = new ArrayList<>();
        if (audit == null) {
            return new Table("Queue integrity", "No journeys.bin.gz in this run (recorded by queuebench run unless "
                    + "--no-journeys), so no integrity audit.", List.of("", ""), rows);
        }
        rows.add(List.of("journeys", Numbers.count(audit.journeys())));
        audit.endings().forEach((end, users) -> rows.add(List.of("  " + end, Numbers.count(users))));
        rows.add(List.of("lost users (refused within " + audit.heartbeatTtlSec() + " s of their last poll)",
                Numbers.count(audit.lostUsers())));
        rows.add(List.of("expired users (had not polled for " + audit.heartbeatTtlSec() + " s)",
                Numbers.count(audit.expiredUsers())));
        rows.add(List.of("double admissions (users granted twice + shared reservation tokens)",
                Numbers.count(audit.doubleAdmissions()) + " (" + Numbers.count(audit.usersGrantedTwice()) + " + "
                        + Numbers.count(audit.reservationTokensShared()) + ")"));
        rows.add(List.of("double clicks sent", Numbers.count(audit.doubleClicks())));
        rows.add(List.of("admissions out of order", Numbers.count(audit.orderViolations()) + " of "
                + Numbers.count(audit.admissions()) + " (" + Numbers.value(audit.orderViolationsPct()) + "%)"));
        rows.add(List.of("position error p50 / p90 / p99 / max (positions)", Numbers.value(audit.positionErrorP50())
                + " / " + Numbers.value(audit.positionErrorP90()) + " / " + Numbers.value(audit.positionErrorP99())
                + " / " + Numbers.value(audit.positionErrorMax())));
        rows.add(List.of("status answers with a wrong position", Numbers.value(audit.positionsOffPct()) + "% of "
                + Numbers.count(audit.positionChecks()) + (audit.positionSampled() ? " (a uniform sample)" : "")));
        rows.add(List.of("first ETA error, median / p90", Numbers.value(audit.etaErrorMedianPct()) + "% / "
                + Numbers.value(audit.etaErrorP90Pct()) + "% (" + Numbers.count(audit.etaChecks()) + " admitted users)"));
        Summary.EndState end = audit.endState();
        if (end != null) {
            rows.add(List.of("queue at the end: members (without a heartbeat, still holding a position)",
                    Numbers.count(end.queueMembers()) + " (" + Numbers.count(end.membersWithoutHeartbeat()) + ")"));
            rows.add(List.of("users believed waiting at the end / absent from the queue",
                    Numbers.count(end.believedWaiting()) + " / " + Numbers.count(end.believedButAbsent())));
            rows.add(List.of("admitted or gone but still in the queue", Numbers.count(end.endedButPresent())));
        }
        return new Table("Queue integrity", audit.sentence() + " Times are the client's: a check counts only what "
                + "no order of events within each request's send and answer explains.", List.of("", ""), rows);
    }

    /** The run's timeline: marks, harness actions and the counter resets the sampler saw; markers on every chart. */
    public static Table timeline(RunSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        for (EventsCsv.Event event : summary.events()) {
            rows.add(List.of(Instant.ofEpochMilli(event.epochMs()).toString(), event.source(), event.kind(),
                    event.detail()));
        }
        return new Table("Timeline", rows.isEmpty() ? "Nothing happened besides the load (events.csv is empty; "
                + "`queuebench mark RUN_DIR \"text\"` adds a note)." : "Marked on every chart above.",
                List.of("at (UTC)", "source", "kind", "detail"), rows);
    }

    /** Each drill's verdict: what it did to the requests and the users. */
    public static Table drills(RunSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        for (Summary.DrillVerdict drill : summary.drills()) {
            rows.add(List.of(drill.name(), Instant.ofEpochMilli(drill.atEpochMs()).toString(),
                    Numbers.count(drill.errorWindowSec()) + " s", Numbers.count(drill.secondsOver1PctErrors()),
                    Numbers.count(drill.failedRequests()) + (drill.failedByCause().isEmpty() ? ""
                            : " " + drill.failedByCause()),
                    Numbers.value(drill.preDrillP99Micros() / 1000) + " ms",
                    Double.isNaN(drill.recoverySec()) ? "not within the run" : Numbers.value(drill.recoverySec()) + " s",
                    Numbers.count(drill.usersLost()),
                    drill.queueEntriesLost() == null ? "not checked"
                            : Numbers.count(drill.queueEntriesLost()) + " of " + Numbers.count(drill.queueEntriesBefore())));
        }
        return new Table("Drills", rows.isEmpty() ? "No drill in this run (run --drill KIND@SEC)."
                : "Error window: first to last second with failed requests after the drill. Recovery: until p99 "
                + "stayed within 1.2× its level of the 10 s before for 3 s with no failures. Users lost: the "
                + "integrity audit's, from the drill until the next. Queue entries lost: waiting just before the "
                + "drill, gone with their queue data just after it (users who left meanwhile included).",
                List.of("drill", "at (UTC)", "error window", "seconds > 1% errors", "failed requests",
                        "p99 before", "recovery", "users lost", "queue entries lost"), rows);
    }
}
