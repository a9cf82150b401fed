package dev.queuebench.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.CsvFile;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.Summary;
import dev.queuebench.rundir.WarningCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


/** What a reader of the report must not miss, worst first. */
final class RunWarnings {
    /** Below this share of the planned requests, the run did not deliver its load. */
    static final double MIN_DELIVERED_PCT = 95;
    /** Policies under which Redis drops keys that have no TTL pressure: queue state can vanish. */
    static final List<String> DROPPING_POLICIES = List.of("allkeys-lru", "allkeys-lfu", "allkeys-random");

    private RunWarnings() {
    }

    static List<Summary.Warning> of(RunSummary summary, ServerMetrics server, RunData data) {
        List<Summary.Warning> warnings = new ArrayList<>();
        RunInfo info = summary.info();
        switch (info.outcome()) {
            case RunInfo.OUTCOME_SATURATED -> warnings.add(warning(WarningCode.INJECTOR_SATURATED, "INJECTOR SATURATED: the injector could not send the "
                    + "planned load, so these latencies do not describe the target at that load. " + info.reason()));
            case RunInfo.OUTCOME_ABORTED -> warnings.add(warning(WarningCode.ABORTED,
                    "ABORTED: the run was stopped before its end. " + info.reason()));
            case "target-failed" -> warnings.add(warning(WarningCode.TARGET_FAILED, "TARGET FAILED: " + info.reason()));
            case "running" -> warnings.add(warning(WarningCode.UNFINISHED, "UNFINISHED: run.json still says 'running'; the run died without "
                    + "recording an outcome, and only what was written before that is here."));
            default -> {
                // completed: nothing to say here
            }
        }
        double delivered = summary.deliveredPct();
        if (!Double.isNaN(delivered) && delivered < MIN_DELIVERED_PCT) {
            warnings.add(warning(WarningCode.UNDER_DELIVERED, String.format(Locale.ROOT, "Achieved %.0f%% of the planned "
                    + "requests over the measured steps%s.", delivered, journeyExplanation(info))));
        }
        if (!server.hasServerSamples()) {
            warnings.add(warning(WarningCode.NO_SERVER_METRICS, "No server metrics (server.csv): CPU, memory and per-request costs cannot be shown; "
                    + "run with the sampler (`queuebench run` starts it, `queuebench sample` runs it alone)."));
        }
        if (!server.counterResets().isEmpty()) {
            warnings.add(warning(WarningCode.COUNTER_RESET, "Redis counters reset during the run (a restart or failover) at epoch second(s) "
                    + server.counterResets() + ": rates around them are left out."));
        }
        MemoryPerUser memory = summary.memory();
        if (memory != null && memory.evictedKeys() > 0) {
            warnings.add(warning(WarningCode.EVICTIONS, String.format(Locale.ROOT, "Redis evicted %,.0f keys during the run: "
                    + "evicted queue state drops waiting users silently. Give the node more memory or shorten TTLs.",
                    memory.evictedKeys())));
        }
        JsonNode nodes = summary.serverInfo().path("nodes");
        nodes.fields().forEachRemaining(node -> {
            String policy = node.getValue().path("maxmemory_policy").asText("");
            if (DROPPING_POLICIES.contains(policy)) {
                warnings.add(warning(WarningCode.DROPPING_EVICTION_POLICY, "maxmemory-policy is " + policy + " on " + node.getKey() + ": when memory is full Redis "
                        + "evicts any key, queue state included, and waiting users disappear; volatile-ttl or "
                        + "noeviction with a memory alarm keeps them."));
            }
        });
        for (CommandCost command : summary.commands()) {
            if (command.walksData() && command.cpuSharePct() >= 1) {
                String name = command.command().toUpperCase(Locale.ROOT);
                warnings.add(warning(WarningCode.DATA_WALKING_COMMAND, String.format(Locale.ROOT, "%s took %.0f%% of "
                        + "the server's command CPU at %.0f µs a call: a command whose cost grows with the data, %s%s.",
                        name, command.cpuSharePct(), command.microsPerCall(), command.where(),
                        command.sentByGateway() ? "" : " (the gateway does not send " + name
                                + "; commandstats counts every client of the server)")));
            }
        }
        for (RequestCost cost : summary.costs()) {
            if (!cost.splitReliable() && "engine_cpu_micros".equals(cost.resource())) {
                warnings.add(warning(WarningCode.COST_SPLIT_UNCERTAIN, "The request kinds moved together through this run, so the split of server cost "
                        + "between join, status and enter is uncertain; the mean per request is reliable. A profile "
                        + "whose mix changes (ticket-open, or a warm-up) separates them."));
            }
        }
        String cloudwatch = CloudWatchOverlap.outsideRun(server, data);
        if (cloudwatch != null) {
            warnings.add(warning(WarningCode.CLOUDWATCH_OUTSIDE_RUN, cloudwatch));
        }
        integrity(summary.integrity(), warnings);
        List<CsvFile.Result> reads = new ArrayList<>(server.reads());
        reads.add(0, data.requests().read());
        for (CsvFile.Result read : reads) {
            if (read.lastLineLeftOut()) {
                warnings.add(warning(WarningCode.FILE_CUT_SHORT, read.file().getFileName() + " ends in a half-written "
                        + "line (the run or the sampler was killed mid-write); it was left out and the "
                        + String.format(Locale.ROOT, "%,d", read.rows()) + " whole rows before it were used."));
            }
        }
        return warnings;
    }

    private static void integrity(Summary.Integrity audit, List<Summary.Warning> warnings) {
        if (audit == null) {
            return;
        }
        if (audit.lostUsers() > 0) {
            Summary.LossSecond worst = audit.lostBySecond().stream()
                    .max(java.util.Comparator.comparingLong(Summary.LossSecond::users)).orElse(null);
            warnings.add(warning(WarningCode.USERS_LOST, String.format(Locale.ROOT, "%,d waiting users lost their place: "
                    + "the gateway refused their tokens within %d s (the heartbeat TTL) of their last poll%s. A "
                    + "failover that drops writes, evicted queue state or a restart without persistence does this.",
                    audit.lostUsers(), audit.heartbeatTtlSec(), worst == null ? "" : String.format(Locale.ROOT,
                            "; most (%,d) at epoch second %d", worst.users(), worst.epochSec()))));
        }
        if (audit.doubleAdmissions() > 0) {
            warnings.add(warning(WarningCode.DOUBLE_ADMISSIONS, String.format(Locale.ROOT, "%,d double admissions: %,d "
                    + "users granted entry more than once and %,d reservation tokens given to more than one user "
                    + "(%,d double clicks were sent); enter must claim the token atomically.",
                    audit.doubleAdmissions(), audit.usersGrantedTwice(), audit.reservationTokensShared(),
                    audit.doubleClicks())));
        }
        if (audit.orderViolations() > 0) {
            warnings.add(warning(WarningCode.ORDER_VIOLATIONS, String.format(Locale.ROOT, "%,d of %,d admissions (%.1f%%) "
                    + "went to users the gateway's own rules did not allow in yet (beyond the first 100, or before "
                    + "the minimum wait of their position), ahead of earlier joiners still waiting.",
                    audit.orderViolations(), audit.admissions(), audit.orderViolationsPct())));
        }
        Summary.EndState end = audit.endState();
        if (end != null && (end.believedButAbsent() > 0 || end.endedButPresent() > 0)) {
            warnings.add(warning(WarningCode.QUEUE_STATE_MISMATCH, String.format(Locale.ROOT, "At the end of the run the "
                    + "queue did not hold %,d of the %,d users still waiting (dropped without being told: they learn "
                    + "it at their next poll), and still held %,d users who had been admitted or had left.",
                    end.believedButAbsent(), end.believedWaiting(), end.endedButPresent())));
        }
        if (audit.journeysCutShort()) {
            warnings.add(warning(WarningCode.FILE_CUT_SHORT, "journeys.bin.gz ends mid-write (the run was killed); the "
                    + String.format(Locale.ROOT, "%,d", audit.journeys()) + " journeys recorded before it were audited."));
        }
    }

    private static Summary.Warning warning(WarningCode code, String message) {
        return new Summary.Warning(code, message);
    }

    private static String journeyExplanation(RunInfo info) {
        RunJson.Totals totals = info.run().totals();
        if (totals == null || totals.requestsPerUserModelled() == 0) {
            return "";
        }
        double measured = totals.requestsPerUserMeasured();
        double modelled = totals.requestsPerUserModelled();
        if (info.run().profile().arrivalsControlled()) {
            double journeys = totals.journeysStarted();
            double injected = totals.usersInjected();
            String cause = injected > 0 && journeys >= 0.97 * injected
                    ? "the arrival control used nearly every candidate user: journeys were shorter than the shortest "
                            + "healthy one (a join, a status and an enter); look for failing joins in requests.csv"
                    : "the arrival control learns journeys during the warm-up: a warm-up shorter than a journey, "
                            + "or journeys slowed by the target, leave the first steps short";
            return String.format(Locale.ROOT, ": users made %.2f requests each (a never-admitted user makes %.2f); "
                    + "%s", measured, modelled, cause);
        }
        return String.format(Locale.ROOT, ": users made %.2f requests each against the %.2f the journey model "
                + "planned%s", measured, modelled,
                measured < 0.9 * modelled ? " (this run predates the arrival control: users admitted early sent "
                        + "fewer requests than the model, so the request rate fell short although arrivals were on "
                        + "plan)" : "");
    }

}
