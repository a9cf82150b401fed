package dev.queuebench.analysis;

import java.util.Map;

/**
 * One load step's results.
 *
 * @param intendedRps mean planned total rate over the step's seconds
 * @param achievedRps mean total rate actually started over the step's seconds
 * @param requests    per request name, plus {@code all}
 */
public record StepSummary(LoadStep step, double intendedRps, double achievedRps, Map<String, RequestStats> requests) {
    public RequestStats all() {
        return requests.get(Aggregation.ALL);
    }
}
