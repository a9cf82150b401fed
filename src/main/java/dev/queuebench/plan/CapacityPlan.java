package dev.queuebench.plan;

import java.util.List;

/**
 * The answer: every candidate at the target, the cheapest that fits, and the basis.
 *
 * @param residentUsers  users whose state is in Redis at the target (Little's law)
 * @param connections    pods × pool maximum
 * @param opsPerSec      Redis commands per second at the target
 * @param networkGbps    bytes in + out at the target
 */
public record CapacityPlan(PlanRequest request, PlanBasis basis, List<NodeAssessment> candidates,
        NodeAssessment recommended, double residentUsers, int connections, double opsPerSec, double networkGbps,
        List<String> warnings) {
}
