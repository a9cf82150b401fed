package dev.queuebench.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Projects measured per-request costs to a target rate on each node type of the catalog.
 *
 * <ul>
 *   <li>CPU: main-thread µs per request × target + background, on one core (an ElastiCache
 *       engine thread is one core: more vCPUs help I/O threads and the OS, not Lua), scaled by the
 *       catalog's relative core speed of the measured node against the candidate.</li>
 *   <li>Memory: bytes per joined user × users resident (join rate at the target × residence) +
 *       fixed, against the node's memory less ElastiCache's reserved share.</li>
 *   <li>Connections: pods × the pool's maximum against the engine's limit.</li>
 *   <li>Network: bytes per request × target against the baseline bandwidth (bursts do not last).</li>
 * </ul>
 *
 * <p>Cost: a replication group is (1 + replicas) nodes at the request's engine price column; the
 * recommendation is the cheapest group that fits. The team's own prices are shown, never used.
 */
public final class CapacityPlanner {
    /** AWS's guidance: on ≤ 2 vCPUs watch CPUUtilization against 90 ÷ vCPU, else EngineCPUUtilization against 90. */
    static final double AWS_CPU_THRESHOLD_PCT = 90;
    static final int SMALL_NODE_VCPU = 2;
    /** Projecting further than this many times the measured load is a guess, and the plan says so. */
    static final double MAX_EXTRAPOLATION = 3;

    private CapacityPlanner() {
    }

    public static CapacityPlan plan(PlanRequest request, PlanBasis basis, NodeCatalog catalog) {
        if (Double.isNaN(basis.engineMicrosPerRequest())) {
            throw new PlanException("The runs " + basis.runIds() + " have no server CPU samples (server.csv), so CPU "
                    + "per request is unknown and no node can be chosen. Re-run with the sampler: "
                    + "java -jar target/queuebench.jar run --profile smoke (it samples Redis beside the load).");
        }
        double measuredSpeed = catalog.find(basis.measuredNodeType()).map(NodeType::relativeCoreSpeed).orElse(1.0);
        double joinShare = basis.mix().getOrDefault("join", 0.0);
        double residentUsers = request.targetRps() * joinShare * request.residenceSec();
        int connections = request.pods() * request.pool().maxActive();
        double opsPerSec = basis.commandsPerRequest() * request.targetRps();
        double networkGbps = basis.networkBytesPerRequest() * request.targetRps() * 8 / 1e9;
        List<NodeAssessment> candidates = new ArrayList<>();
        for (NodeType node : catalog.nodes()) {
            candidates.add(assess(node, request, basis, catalog, measuredSpeed, residentUsers, connections, networkGbps));
        }
        candidates.sort(Comparator.comparingDouble(NodeAssessment::groupUsdPerHour)
                .thenComparing(a -> a.node().type()));
        NodeAssessment recommended = candidates.stream().filter(NodeAssessment::fits).findFirst().orElse(null);
        return new CapacityPlan(request, basis, catalog.column(request.engine()),
                catalog.teamColumn(), candidates, recommended, residentUsers, connections,
                opsPerSec, networkGbps, IdleTimeoutCheck.sentence(request.serverTimeoutSec(), request.pool()),
                warnings(request, basis, catalog, recommended));
    }

    private static NodeAssessment assess(NodeType node, PlanRequest request, PlanBasis basis, NodeCatalog catalog,
            double measuredSpeed, double residentUsers, int connections, double networkGbps) {
        double speedup = node.relativeCoreSpeed() / measuredSpeed;
        double engineMicrosPerSec = basis.engineMicrosPerRequest() * request.targetRps()
                + basis.engineBackgroundMicrosPerSec();
        double engineCpuPct = engineMicrosPerSec / 1e6 * 100 / speedup;
        double processMicrosPerSec = Double.isNaN(basis.processMicrosPerRequest()) ? engineMicrosPerSec
                : basis.processMicrosPerRequest() * request.targetRps() + basis.processBackgroundMicrosPerSec();
        double hostCpuPct = processMicrosPerSec / 1e6 * 100 / speedup / node.vcpu();
        boolean small = node.vcpu() <= SMALL_NODE_VCPU;
        String awsMetric = small ? "CPUUtilization" : "EngineCPUUtilization";
        double awsThreshold = small ? AWS_CPU_THRESHOLD_PCT / node.vcpu() : AWS_CPU_THRESHOLD_PCT;
        double usableBytes = node.memoryBytes() * (1 - catalog.reservedMemoryPct() / 100);
        double memoryPct = Double.isNaN(basis.bytesPerUser()) ? Double.NaN
                : 100 * (basis.fixedBytes() + basis.bytesPerUser() * residentUsers) / usableBytes;
        double connectionsPct = 100.0 * connections / catalog.engineMaxConnections();
        double networkPct = 100 * networkGbps / node.networkBaselineGbps();
        double scale = request.targetRps() / basis.measuredRps();
        double linearEngine = basis.measuredEnginePct() * scale / speedup;
        double linearMemory = 100 * basis.measuredUsedBytes() * scale / usableBytes;

        double limit = request.maxUtilisationPct();
        List<String> limits = new ArrayList<>();
        check(limits, "main-thread CPU", engineCpuPct, limit);
        check(limits, "memory", memoryPct, limit);
        check(limits, "connections", connectionsPct, limit);
        check(limits, "network (baseline)", networkPct, limit);
        if (small && hostCpuPct > awsThreshold) {
            limits.add(String.format(Locale.ROOT, "CPUUtilization %.0f%% is above AWS's %.0f%% for %d vCPUs",
                    hostCpuPct, awsThreshold, node.vcpu()));
        }
        if (node.burstable() && hostCpuPct > node.burstableCpuBaselinePct()) {
            limits.add(String.format(Locale.ROOT, "CPU %.0f%% is above the t3 credit baseline of %.0f%%: credits "
                    + "run out and the node is throttled", hostCpuPct, node.burstableCpuBaselinePct()));
        }
        NodePrice price = node.price(request.engine());
        return new NodeAssessment(node, engineCpuPct, hostCpuPct, awsMetric, awsThreshold, memoryPct, connectionsPct,
                networkPct, linearEngine, linearMemory, price, price.usdPerHour() * request.nodesPerGroup(),
                limits.isEmpty(), List.copyOf(limits));
    }

    private static void check(List<String> limits, String resource, double pct, double limit) {
        if (!Double.isNaN(pct) && pct > limit) {
            limits.add(String.format(Locale.ROOT, "%s %.0f%% > %.0f%%", resource, pct, limit));
        }
    }

    private static List<String> warnings(PlanRequest request, PlanBasis basis, NodeCatalog catalog,
            NodeAssessment recommended) {
        List<String> warnings = new ArrayList<>(basis.warnings());
        double factor = request.targetRps() / basis.peakRps();
        if (factor > MAX_EXTRAPOLATION) {
            warnings.add(String.format(Locale.ROOT, "The target is %.0f times the highest load measured (%,.0f "
                    + "requests/s): costs per request are measured, but queueing, I/O threads and the network at "
                    + "the target are not. Run closer to the target (the stairs or target-30k profile) before "
                    + "buying.", factor, basis.peakRps()));
        }
        if (catalog.find(basis.measuredNodeType()).isEmpty()) {
            warnings.add("The runs were made on '" + basis.measuredNodeType() + "', not a catalog node type: CPU "
                    + "per request is this machine's and is taken at core speed 1.0. Run against the real node "
                    + "(--node-type cache.t3.micro …) for a measured answer.");
        }
        if (Double.isNaN(basis.bytesPerUser())) {
            warnings.add("No memory samples: memory is not part of this plan.");
        }
        for (Map.Entry<String, Double> alarm : basis.alarmThresholds().entrySet()) {
            if (!"CPUUtilization".equals(alarm.getKey()) || recommended == null) {
                continue;
            }
            NodeType node = recommended.node();
            if (node.vcpu() <= SMALL_NODE_VCPU && alarm.getValue() > AWS_CPU_THRESHOLD_PCT / node.vcpu()) {
                warnings.add(String.format(Locale.ROOT, "Your CPUUtilization alarm at %.0f%% is looser than AWS's "
                        + "guidance for a %d-vCPU node (%.0f%% = 90 ÷ vCPU): the engine thread can be saturated "
                        + "before it fires. Alarm at %.0f%%, or on EngineCPUUtilization at 90%%.", alarm.getValue(),
                        node.vcpu(), AWS_CPU_THRESHOLD_PCT / node.vcpu(), AWS_CPU_THRESHOLD_PCT / node.vcpu()));
            }
        }
        warnings.add("A Lua script that runs for 5 s blocks the engine and can trigger a failover: keep scripts "
                + "O(1) (the JMH benchmarks measure each one).");
        return warnings;
    }
}
