package dev.queuebench.plan;

import java.util.Map;

/**
 * One ElastiCache node type from the catalog.
 *
 * @param burstableCpuBaselinePct for t3 types, the CPU credit baseline per vCPU; NaN otherwise
 * @param relativeCoreSpeed       single-core speed against a t3/Graviton2 core (1.0); the engine
 *                                thread is one core, so this scales the measured CPU per request
 * @param prices                  per node, one per engine price column of the catalog
 * @param teamPrice               the team's own figure for this type as its plan wrote it, or ""
 * @param capacityPlanProjection  what the team's own plan said about this type, for side-by-side display
 * @param source                  where the hardware figures come from (prices name theirs per column)
 */
public record NodeType(String type, int vcpu, double memoryGib, double networkBaselineGbps, double networkBurstGbps,
        double burstableCpuBaselinePct, double relativeCoreSpeed, Map<Engine, NodePrice> prices, String teamPrice,
        Map<String, String> capacityPlanProjection, String source, String date) {

    public boolean burstable() {
        return !Double.isNaN(burstableCpuBaselinePct);
    }

    public NodePrice price(Engine engine) {
        return prices.get(engine);
    }

    public double memoryBytes() {
        return memoryGib * 1024 * 1024 * 1024;
    }
}
