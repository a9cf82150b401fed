package dev.queuebench.load;

import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.LoadProfile;
import dev.queuebench.record.RequestCounts;
import dev.queuebench.record.RunRecorder;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.RunOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a load run puts in {@code run.json} ({@link RunJson}): its description at the start, its ending at the end. */
final class RunRecord {
    private RunRecord() {
    }

    /** The record of a run that starts now: outcome {@code running}. */
    static RunJson started(String runId, long startMillis, RunSettings settings, InjectionPlan plan, RunTarget target,
            int cores) {
        LoadProfile profile = plan.profile();
        JourneyShape journey = profile.journey();
        List<RunJson.Phase> phases = profile.phases().stream()
                .map(phase -> new RunJson.Phase(phase.name(), phase.durationSec(), round(phase.fromRps()),
                        round(phase.toRps()), phase.warmup()))
                .toList();
        RunJson.Journey journeyJson = new RunJson.Journey(journey.pollsPerUser(), journey.pollIntervalMillis(),
                journey.leaveFraction(), journey.abandonFraction(), journey.events(), round(journey.requestsPerUser()),
                round(journey.fewestRequestsPerUser()));
        RunJson.Profile profileJson = new RunJson.Profile(profile.name(), profile.description(), settings.scale(),
                phases, journeyJson, profile.poissonArrivals() ? "poisson" : "even", true, settings.sharedConnections(),
                settings.requestTimeoutMillis(),
                profile.stopRule() == null ? null : profile.stopRule().p99LimitMillis(),
                profile.stopRule() == null ? null : profile.stopRule().errorLimitPercent());
        RunJson.Target targetJson = new RunJson.Target(target.recordedGatewayUrl(), target.embedded(), target.redis(),
                target.reader(), target.redisServer());
        RunJson.Injector injector = new RunJson.Injector(settings.injectorIndex(), settings.injectorCount(),
                settings.injectorHeapMb(), cores, null, null, null, null, settings.runGroup(),
                settings.startAtEpochMs() == 0 ? null : settings.startAtEpochMs());
        RunJson.Versions versions = new RunJson.Versions(HarnessVersion.version(), HarnessVersion.gitSha(), null,
                target.redisServer(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"));
        return RunJson.started(runId, settings.label(), startMillis, profileJson, targetJson, settings.nodeType(),
                injector, versions);
    }

    /**
     * The record of the run once it has ended.
     *
     * @param gatlingVersion  from simulation.log's run record, or null when Gatling wrote none
     * @param gatlingExitCode null when Gatling never started
     */
    static RunJson ended(RunJson started, long endMillis, RunOutcome outcome, String reason, String gatlingVersion,
            InjectorHealth health, double maxGcPauseMillis, Integer gatlingExitCode, RunRecorder recorder) {
        RunJson.Injector injector = started.injector().measured(round(health.maxCpuShare()), round(maxGcPauseMillis),
                health.cpuSec() < 0 ? null : round(health.cpuSec()), gatlingExitCode);
        RunJson.Versions versions = started.versions().withGatling(gatlingVersion == null ? "unknown" : gatlingVersion);
        List<RunJson.Delivery> delivery = health.deliveries().stream()
                .map(phase -> new RunJson.Delivery(phase.phase(), round(phase.intendedRequests()), phase.sentRequests(),
                        round(phase.plannedCandidates()), phase.injectedCandidates()))
                .toList();
        return started.ended(endMillis, outcome, reason, injector, versions, totals(started, recorder), delivery);
    }

    private static RunJson.Totals totals(RunJson started, RunRecorder recorder) {
        Map<String, RunJson.Requests> requests = new LinkedHashMap<>();
        long all = 0;
        for (Map.Entry<String, RequestCounts> entry : recorder.totals().entrySet()) {
            RequestCounts counts = entry.getValue();
            requests.put(entry.getKey(), new RunJson.Requests(counts.ok(), counts.ko(), counts.koByCause()));
            all += counts.total();
        }
        long journeys = journeysStarted(recorder);
        return new RunJson.Totals(recorder.usersStarted(), journeys, requests,
                journeys == 0 ? 0 : round((double) all / journeys),
                started.profile().journey() == null ? 0 : started.profile().journey().requestsPerUserModelled());
    }

    /** Journeys started: every journey begins with one join, whatever its answer. */
    static long journeysStarted(RunRecorder recorder) {
        RequestCounts joins = recorder.totals().get("join");
        return joins == null ? 0 : joins.total();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
