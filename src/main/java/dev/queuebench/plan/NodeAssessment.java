package dev.queuebench.plan;

import java.util.List;

/**
 * One candidate node type at the target, every utilisation in percent of what the node has.
 *
 * @param engineCpuPct        the Redis main thread, one core (EngineCPUUtilization)
 * @param hostCpuPct          the whole node (CPUUtilization): the process's CPU over all vCPUs
 * @param awsCpuMetric        which metric AWS says to watch on this size, and its threshold
 * @param awsCpuThresholdPct  90 ÷ vCPU for CPUUtilization on ≤ 2 vCPUs, else 90 for EngineCPUUtilization
 * @param memoryPct           of the memory left after ElastiCache's reserved memory
 * @param connectionsPct      pods × pool size against the engine's connection limit
 * @param networkPct          of the baseline (not burst) bandwidth
 * @param linearEngineCpuPct  the team's method: the run's engine CPU × target ÷ measured rate
 * @param linearMemoryPct     the team's method: the run's used memory × target ÷ measured rate
 * @param nodePrice           one node in the request's engine column
 * @param groupUsdPerHour     the replication group: (1 + replicas) × the node price
 * @param fits                every resource under the headroom (and, on t3, under the CPU credit baseline)
 * @param limits              why it does not fit, in words
 */
public record NodeAssessment(NodeType node, double engineCpuPct, double hostCpuPct, String awsCpuMetric,
        double awsCpuThresholdPct, double memoryPct, double connectionsPct, double networkPct,
        double linearEngineCpuPct, double linearMemoryPct, NodePrice nodePrice, double groupUsdPerHour,
        boolean fits, List<String> limits) {

    public double groupUsdPerMonth() {
        return groupUsdPerHour * NodePrice.HOURS_PER_MONTH;
    }
}
