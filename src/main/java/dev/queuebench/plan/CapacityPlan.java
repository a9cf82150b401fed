package dev.queuebench.plan;

import java.util.List;
import java.util.Optional;

/**
 * The answer: every candidate at the target, the cheapest group that fits, and the basis.
 *
 * @param priceColumn    where the prices of the request's engine come from
 * @param teamColumn     where the team's own figures, shown beside them, come from; empty without any
 * @param residentUsers  users whose state is in Redis at the target (Little's law)
 * @param connections    pods × pool maximum
 * @param opsPerSec      Redis commands per second at the target
 * @param networkGbps    bytes in + out at the target
 * @param idleConnections which side closes idle connections first, in a sentence
 */
public record CapacityPlan(PlanRequest request, PlanBasis basis, PriceColumn priceColumn, Optional<PriceColumn> teamColumn,
        List<NodeAssessment> candidates, NodeAssessment recommended, double residentUsers, int connections,
        double opsPerSec, double networkGbps, String idleConnections, List<String> warnings) {
}
