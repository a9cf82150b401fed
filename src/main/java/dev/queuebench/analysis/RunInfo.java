package dev.queuebench.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuebench.profile.Phase;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.RunJsonFile;
import dev.queuebench.rundir.RunOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code run.json} says about a run (its schema: {@link RunJson}), as the analysis uses it:
 * the profile's phases, the target, the outcome. {@link #run()} is the whole typed record.
 */
public record RunInfo(String id, String label, String profileName, String profileDescription, double scale,
        List<Phase> phases, String gatewayUrl, String redis, String nodeType, String outcome, String reason,
        long startMs, long endMs, RunJson run) {

    public static final String OUTCOME_SATURATED = "injector-saturated";
    public static final String OUTCOME_ABORTED = "aborted";

    /** @throws dev.queuebench.rundir.RunDataException naming run.json and what is wrong with it */
    public static RunInfo read(RunFiles files) {
        RunJson run = RunJsonFile.read(files.dir());
        List<Phase> phases = new ArrayList<>();
        for (RunJson.Phase phase : run.profile().phases()) {
            phases.add(new Phase(phase.name(), phase.durationSec(), phase.fromRps(), phase.toRps(), phase.warmup()));
        }
        RunJson.Profile profile = run.profile();
        return new RunInfo(run.id(), run.label(), profile.name(), profile.description(), profile.scale(),
                List.copyOf(phases), run.target().gatewayUrl(), run.target().redis() == null ? "" : run.target().redis(),
                run.nodeType(), run.outcome().code(), run.reasonOrEmpty(), run.startMs(),
                run.endMs() == null ? 0 : run.endMs(), run);
    }

    /** The typed outcome. */
    public RunOutcome runOutcome() {
        return run.outcome();
    }

    /** run.json as a JSON tree, for readers that have not moved to {@link #run()} yet. */
    public ObjectNode raw() {
        return JsonFiles.JSON.valueToTree(run);
    }

    /** Requests a phase planned and sent, from run.json's {@code delivery}. */
    public record PhaseDelivery(String phase, double intendedRequests, double sentRequests) {
        /** Sent ÷ planned, percent; NaN when the phase planned nothing. */
        public double deliveredPct() {
            return intendedRequests > 0 ? 100 * sentRequests / intendedRequests : Double.NaN;
        }
    }

    public List<PhaseDelivery> delivery() {
        return run.delivery().stream()
                .map(phase -> new PhaseDelivery(phase.phase(), phase.intendedRequests(), phase.sentRequests()))
                .toList();
    }

    /** True when the run did not deliver its load or did not finish: it can never pass a gate. */
    public boolean deliveredNoVerdict() {
        return run.outcome().noVerdict();
    }
}
