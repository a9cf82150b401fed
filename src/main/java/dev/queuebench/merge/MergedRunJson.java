package dev.queuebench.merge;

import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.RunOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The merged run's {@code run.json}: the profile at the whole run's rates, the totals and delivery of all
 * parts, each part (how it ended, its last whole second, what it delivered), and the run's outcome:
 * {@code completed} only when every part completed; {@code incomplete} when a part is missing (named);
 * else the worst part's ({@code injector-saturated} before {@code target-failed} before {@code aborted}).
 */
final class MergedRunJson {
    private MergedRunJson() {
    }

    /** @param lastSecondByPart each part's last second in requests.csv, by its position in {@code parts.parts()} */
    static RunJson of(String id, RunParts parts, Map<Integer, Long> lastSecondByPart) {
        List<RunParts.Part> present = parts.parts();
        RunJson first = present.get(0).run();
        int count = parts.injectorCount();
        List<RunJson.Part> partsJson = new ArrayList<>();
        long startMs = Long.MAX_VALUE;
        long endMs = Long.MIN_VALUE;
        double maxCpu = 0;
        Double cpuSec = 0.0;
        double maxGc = 0;
        int cores = 0;
        for (int i = 0; i < present.size(); i++) {
            RunJson run = present.get(i).run();
            startMs = Math.min(startMs, run.startMs());
            endMs = Math.max(endMs, run.endMs() == null ? run.startMs() : run.endMs());
            RunJson.Injector injector = run.injector();
            cores += injector.cores();
            maxCpu = Math.max(maxCpu, injector.maxCpuShare() == null ? 0 : injector.maxCpuShare());
            maxGc = Math.max(maxGc, injector.maxGcPauseMs() == null ? 0 : injector.maxGcPauseMs());
            cpuSec = cpuSec == null || injector.cpuSec() == null ? null : cpuSec + injector.cpuSec();
            partsJson.add(new RunJson.Part(injector.index(), run.id(), run.outcome(), run.reasonOrEmpty(),
                    run.startMs(), run.endMs(), lastSecondByPart.get(i),
                    run.delivery().stream().mapToDouble(RunJson.Delivery::intendedRequests).sum(),
                    run.delivery().stream().mapToLong(RunJson.Delivery::sentRequests).sum(),
                    injector.maxCpuShare(), injector.maxGcPauseMs()));
        }
        RunJson.Injector injector = new RunJson.Injector(0, count, first.injector().heapMb(), cores, maxCpu, maxGc,
                cpuSec, null, parts.runGroup(), first.injector().startAtMs());
        Outcome outcome = outcome(parts, partsJson, lastSecondByPart);
        return RunJson.merged(id, first.label(), startMs, endMs, wholeRunProfile(first.profile(), count),
                first.target(), first.nodeType(), injector, first.versions(), outcome.outcome(), outcome.reason(),
                totals(present), delivery(present), partsJson);
    }

    private record Outcome(RunOutcome outcome, String reason) {
    }

    private static Outcome outcome(RunParts parts, List<RunJson.Part> partsJson, Map<Integer, Long> lastSeconds) {
        long lastOfAll = lastSeconds.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<String> notes = new ArrayList<>();
        for (RunJson.Part part : partsJson) {
            if (part.outcome() != RunOutcome.COMPLETED) {
                String when = part.lastSecondEpochSec() == null ? "before recording any second"
                        : part.lastSecondEpochSec() < lastOfAll ? "at " + Instant.ofEpochSecond(part.lastSecondEpochSec())
                        + " (" + (lastOfAll - part.lastSecondEpochSec()) + " s before the others)"
                        : "at the run's end";
                notes.add("part " + part.index() + " ended " + part.outcome().code() + " " + when
                        + (part.reason() == null || part.reason().isEmpty() ? "" : ": " + part.reason()));
            }
        }
        if (!parts.missing().isEmpty()) {
            notes.add(0, (parts.missing().size() == 1 ? "injector " : "injectors ") + parts.missing()
                    .toString().replaceAll("[\\[\\]]", "") + " of " + parts.injectorCount() + " missing: this is "
                    + "part of the run's load, not the run");
            return new Outcome(RunOutcome.INCOMPLETE, String.join("; ", notes));
        }
        for (RunOutcome worst : List.of(RunOutcome.INJECTOR_SATURATED, RunOutcome.TARGET_FAILED,
                RunOutcome.ABORTED, RunOutcome.RUNNING, RunOutcome.INCOMPLETE)) {
            if (partsJson.stream().anyMatch(part -> part.outcome() == worst)) {
                return new Outcome(worst == RunOutcome.RUNNING ? RunOutcome.ABORTED : worst, String.join("; ", notes));
            }
        }
        return new Outcome(RunOutcome.COMPLETED, "");
    }

    /** Each part ran 1/count of the profile: the run's phases are the parts' rates times the count. */
    private static RunJson.Profile wholeRunProfile(RunJson.Profile part, int count) {
        List<RunJson.Phase> phases = part.phases().stream().map(phase -> new RunJson.Phase(phase.name(),
                phase.durationSec(), phase.fromRps() * count, phase.toRps() * count, phase.warmup())).toList();
        return new RunJson.Profile(part.name(), part.description(), part.scale(), phases, part.journey(),
                part.arrivals(), part.arrivalsControlled(),
                part.sharedConnections(), part.requestTimeoutMs(), part.stopP99Ms(), part.stopErrorPercent());
    }

    private static RunJson.Totals totals(List<RunParts.Part> present) {
        long users = 0;
        long journeys = 0;
        Map<String, long[]> okKo = new TreeMap<>();
        Map<String, Map<String, Long>> causes = new TreeMap<>();
        for (RunParts.Part part : present) {
            RunJson.Totals totals = part.run().totals();
            if (totals == null) {
                continue;
            }
            users += totals.usersInjected();
            journeys += totals.journeysStarted();
            totals.requests().forEach((name, requests) -> {
                long[] sums = okKo.computeIfAbsent(name, n -> new long[2]);
                sums[0] += requests.ok();
                sums[1] += requests.ko();
                requests.koByCause().forEach((cause, n) -> causes.computeIfAbsent(name, k -> new TreeMap<>())
                        .merge(cause, n, Long::sum));
            });
        }
        Map<String, RunJson.Requests> requests = new LinkedHashMap<>();
        long sent = 0;
        for (Map.Entry<String, long[]> entry : okKo.entrySet()) {
            requests.put(entry.getKey(), new RunJson.Requests(entry.getValue()[0], entry.getValue()[1],
                    causes.getOrDefault(entry.getKey(), Map.of())));
            sent += entry.getValue()[0] + entry.getValue()[1];
        }
        RunJson.Totals firstTotals = present.get(0).run().totals();
        return new RunJson.Totals(users, journeys, requests, journeys == 0 ? 0 : (double) sent / journeys,
                firstTotals == null ? 0 : firstTotals.requestsPerUserModelled());
    }

    private static List<RunJson.Delivery> delivery(List<RunParts.Part> present) {
        Map<String, double[]> byPhase = new LinkedHashMap<>();
        for (RunParts.Part part : present) {
            for (RunJson.Delivery phase : part.run().delivery()) {
                double[] sums = byPhase.computeIfAbsent(phase.phase(), p -> new double[4]);
                sums[0] += phase.intendedRequests();
                sums[1] += phase.sentRequests();
                sums[2] += phase.plannedCandidates();
                sums[3] += phase.injectedCandidates();
            }
        }
        List<RunJson.Delivery> delivery = new ArrayList<>();
        byPhase.forEach((phase, sums) -> delivery.add(new RunJson.Delivery(phase, sums[0], (long) sums[1], sums[2],
                (long) sums[3])));
        return delivery;
    }
}
