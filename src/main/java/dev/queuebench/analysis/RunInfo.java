package dev.queuebench.analysis;

import dev.queuebench.rundir.RunDataException;

import dev.queuebench.rundir.RunFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuebench.profile.Phase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code run.json} says about a run (its format is documented on
 * {@link dev.queuebench.record.RunManifest}): the profile's phases, the target, the outcome.
 */
public record RunInfo(String id, String label, String profileName, String profileDescription, double scale,
        List<Phase> phases, String gatewayUrl, String redis, String nodeType, String outcome, String reason,
        long startMs, long endMs, ObjectNode raw) {

    public static final String OUTCOME_SATURATED = "injector-saturated";
    public static final String OUTCOME_ABORTED = "aborted";

    public static RunInfo read(RunFiles files) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(files.file(RunFiles.RUN_JSON).toFile());
        } catch (IOException e) {
            throw new RunDataException(files.file(RunFiles.RUN_JSON) + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode object) || !root.hasNonNull("id")) {
            throw new RunDataException(files.file(RunFiles.RUN_JSON) + " has no \"id\": not a queuebench run.json");
        }
        JsonNode profile = root.path("profile");
        List<Phase> phases = new ArrayList<>();
        for (JsonNode phase : profile.path("phases")) {
            phases.add(new Phase(phase.path("name").asText(), phase.path("duration_sec").asInt(),
                    phase.path("from_rps").asDouble(), phase.path("to_rps").asDouble(),
                    phase.path("warmup").asBoolean()));
        }
        JsonNode target = root.path("target");
        return new RunInfo(root.path("id").asText(), root.path("label").asText(""), profile.path("name").asText("?"),
                profile.path("description").asText(""), profile.path("scale").asDouble(1), List.copyOf(phases),
                target.path("gateway_url").asText(""), target.path("redis").asText(""),
                root.path("node_type").asText("unknown"), root.path("outcome").asText("running"),
                root.path("reason").asText(""), root.path("start_ms").asLong(), root.path("end_ms").asLong(0), object);
    }

    /** Requests a phase planned and sent, from run.json's {@code delivery}. */
    public record PhaseDelivery(String phase, double intendedRequests, double sentRequests) {
        /** Sent ÷ planned, percent; NaN when the phase planned nothing. */
        public double deliveredPct() {
            return intendedRequests > 0 ? 100 * sentRequests / intendedRequests : Double.NaN;
        }
    }

    public List<PhaseDelivery> delivery() {
        List<PhaseDelivery> phases = new ArrayList<>();
        for (JsonNode phase : raw.path("delivery")) {
            phases.add(new PhaseDelivery(phase.path("phase").asText(), phase.path("intended_requests").asDouble(),
                    phase.path("sent_requests").asDouble()));
        }
        return phases;
    }

    /** True when the run did not deliver its load or did not finish: it can never pass a gate. */
    public boolean deliveredNoVerdict() {
        return OUTCOME_SATURATED.equals(outcome) || OUTCOME_ABORTED.equals(outcome) || "running".equals(outcome);
    }
}
