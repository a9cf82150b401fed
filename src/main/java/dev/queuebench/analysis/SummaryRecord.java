package dev.queuebench.analysis;

import dev.queuebench.rundir.Summary;
import dev.queuebench.rundir.SummaryFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The analysis of a run as the typed {@code summary.json} record ({@link Summary}; written by {@link SummaryFile}). */
public final class SummaryRecord {
    private SummaryRecord() {
    }

    public static Summary of(RunSummary summary) {
        RunInfo info = summary.info();
        Summary.Run run = new Summary.Run(info.id(), info.label(), info.profileName(), info.profileDescription(),
                info.scale(), info.gatewayUrl(), info.redis(), info.nodeType(), info.outcome(), info.reason(),
                info.startMs(), info.endMs(), summary.injectionStartSec(), info.deliveredNoVerdict());
        List<Summary.PhaseDelivery> phases = info.delivery().stream().map(phase -> new Summary.PhaseDelivery(
                phase.phase(), phase.intendedRequests(), phase.sentRequests(), phase.deliveredPct())).toList();
        Summary.Load load = new Summary.Load(summary.intendedRequests(), summary.achievedRequests(),
                summary.deliveredPct(), phases);
        List<Summary.Step> steps = summary.steps().stream().map(step -> new Summary.Step(step.step().name(),
                step.step().kind().label(), step.step().startEpochSec(), step.step().endEpochSec(),
                step.step().durationSec(), step.step().fromRps(), step.step().toRps(), step.intendedRps(),
                step.achievedRps(), requests(step.requests()))).toList();
        List<Summary.Driver> ranked = summary.drivers().stream().map(c -> new Summary.Driver(c.series().metric(),
                c.series().node(), c.series().source(), c.rho(), c.lagSec(), c.samples(), c.aboveValue())).toList();
        List<Summary.ResourceCost> costs = summary.costs().stream().map(cost -> new Summary.ResourceCost(
                cost.resource(), new LinkedHashMap<>(cost.perRequest()), cost.backgroundPerSec(),
                cost.meanPerRequest(), cost.rSquared(), cost.splitReliable(), cost.seconds())).toList();
        List<Summary.Command> commands = summary.commands().stream().map(c -> new Summary.Command(c.command(),
                c.cpuMicros(), c.calls(), c.cpuSharePct(), c.microsPerCall(), c.callsPerSec(), c.linearInSize(),
                c.walksData(), c.innerCommandsCpuMicros(), c.sentByGateway())).toList();
        MemoryPerUser m = summary.memory();
        Summary.Memory memory = m == null ? null : new Summary.Memory(m.bytesPerUser(), m.keysPerUser(),
                m.bytesPerKey(), m.fixedBytes(), m.usersJoined(), m.samples(), m.evictedKeys());
        List<Summary.Alarm> alarms = summary.alarms().stream().map(a -> new Summary.Alarm(a.alarm(), a.node(),
                a.source(), a.startEpochSec(), a.endEpochSec(), a.peakValue())).toList();
        return new Summary(SummaryFile.SCHEMA_VERSION, run, load, requests(summary.measured()), steps,
                knee(summary.knee()), new Summary.LatencyDrivers(summary.driverSentence(), ranked),
                new Summary.ServerCost(costs, commands), memory, summary.serverLevels(), alarms,
                summary.alarmsNotEvaluated(), summary.serverInfo(), summary.warnings(), summary.integrity(),
                summary.drills());
    }

    private static Map<String, Summary.RequestStats> requests(Map<String, RequestStats> requests) {
        Map<String, Summary.RequestStats> out = new LinkedHashMap<>();
        requests.forEach((name, stats) -> out.put(name, stats(stats)));
        return out;
    }

    static Summary.RequestStats stats(RequestStats stats) {
        LatencyStats l = stats.latency();
        return new Summary.RequestStats(stats.count(), stats.ok(), stats.ko(), stats.errorRatePct(),
                new LinkedHashMap<>(stats.koByCause()), stats.throughputRps(), new Summary.Latency(l.p50Micros(),
                        l.p90Micros(), l.p99Micros(), l.p999Micros(), l.maxMicros(), l.meanMicros()));
    }

    private static Summary.Knee knee(Knee knee) {
        List<Summary.KneeLevel> levels = knee.levels().stream().map(level -> new Summary.KneeLevel(level.name(),
                level.seconds(), level.achievedRps(), level.latency().p99Micros(), level.errorRatePct(),
                level.ok() + level.ko())).toList();
        return new Summary.Knee(knee.found(), knee.kneeRps(), knee.brokenAtRps(), knee.method(), knee.sentence(),
                levels);
    }
}
