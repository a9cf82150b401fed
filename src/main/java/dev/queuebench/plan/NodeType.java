package dev.queuebench.plan;

import java.util.Map;

/**
 * One ElastiCache node type from the catalog.
 *
 * @param burstableCpuBaselinePct for t3 types, the CPU credit baseline per vCPU; NaN otherwise
 * @param relativeCoreSpeed       single-core speed against a t3/Graviton2 core (1.0); the engine
 *                                thread is one core, so this scales the measured CPU per request
 * @param capacityPlanProjection  what the team's own plan said about this type, for side-by-side display
 */
public record NodeType(String type, int vcpu, double memoryGib, double networkBaselineGbps, double networkBurstGbps,
        double burstableCpuBaselinePct, double relativeCoreSpeed, double onDemandUsdPerHour,
        double reserved1yrUsdPerMonth, Map<String, String> capacityPlanProjection, String source, String date) {

    public static final double HOURS_PER_MONTH = 730;

    public boolean burstable() {
        return !Double.isNaN(burstableCpuBaselinePct);
    }

    public double onDemandUsdPerMonth() {
        return onDemandUsdPerHour * HOURS_PER_MONTH;
    }

    public double memoryBytes() {
        return memoryGib * 1024 * 1024 * 1024;
    }
}
