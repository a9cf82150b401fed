package dev.queuebench.metrics.cloudwatch;

import dev.queuebench.metrics.ServerMetric;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS/ElastiCache metrics queuebench knows, per node (dimension CacheClusterId), with the
 * statistics {@code cloudwatch fetch} asks for: what server.csv has a counterpart for, plus the host
 * metrics only CloudWatch sees (CPUUtilization, FreeableMemory, SwapUsage). Imports accept these
 * names only: anything else is rejected rather than silently kept.
 */
public final class ElastiCacheMetrics {
    public static final String NAMESPACE = "AWS/ElastiCache";
    public static final String NODE_DIMENSION = "CacheClusterId";

    /** Metric → statistics fetched. Gauges: Average and Maximum; counts: Sum (and Average, per second). */
    public static final Map<String, List<String>> FETCHED = fetched();

    /** Every name an import or an alarm rule may use (CloudWatch's ElastiCache catalogue, Redis engine). */
    public static final Set<String> KNOWN = known();

    private ElastiCacheMetrics() {
    }

    private static Map<String, List<String>> fetched() {
        Map<String, List<String>> metrics = new LinkedHashMap<>();
        List<String> gauge = List.of("Average", "Maximum");
        List<String> count = List.of("Sum", "Average");
        for (String name : List.of("CPUUtilization", "EngineCPUUtilization", "DatabaseMemoryUsagePercentage",
                "BytesUsedForCache", "FreeableMemory", "SwapUsage", "CurrConnections", "CurrItems", "ReplicationLag",
                "IsMaster")) {
            metrics.put(name, gauge);
        }
        for (String name : List.of("NewConnections", "Evictions", "Reclaimed", "CacheHits", "CacheMisses",
                "NetworkBytesIn", "NetworkBytesOut", "ReplicationBytes", "EvalBasedCmds", "GetTypeCmds", "SetTypeCmds",
                "KeyBasedCmds", "SortedSetBasedCmds", "StreamBasedCmds", "HashBasedCmds", "ListBasedCmds")) {
            metrics.put(name, count);
        }
        return Collections.unmodifiableMap(metrics);
    }

    private static Set<String> known() {
        Set<String> names = new TreeSet<>(FETCHED.keySet());
        names.addAll(List.of("NetworkPacketsIn", "NetworkPacketsOut", "CPUCreditBalance", "CPUCreditUsage",
                "ActiveDefragHits", "CacheHitRate", "DB0AverageTTL", "MasterLinkHealthStatus", "MemoryFragmentationRatio",
                "SaveInProgress", "TrafficManagementActive", "DatabaseCapacityUsagePercentage", "CurrVolatileItems",
                "NetworkBandwidthInAllowanceExceeded", "NetworkBandwidthOutAllowanceExceeded",
                "NetworkConntrackAllowanceExceeded", "NetworkPacketsPerSecondAllowanceExceeded",
                "EvalBasedCmdsLatency", "GetTypeCmdsLatency", "SetTypeCmdsLatency", "KeyBasedCmdsLatency",
                "HashBasedCmdsLatency", "ListBasedCmdsLatency", "SortedSetBasedCmdsLatency", "StreamBasedCmdsLatency",
                "StringBasedCmds", "StringBasedCmdsLatency", "SetBasedCmds", "SetBasedCmdsLatency",
                "HyperLogLogBasedCmds", "GeoSpatialBasedCmds", "PubSubBasedCmds", "ClusterBasedCmds",
                "JsonBasedCmds", "NonKeyTypeCmds", "ReplicationBytes"));
        return Set.copyOf(names);
    }

    /** True for a CloudWatch name above or a server.csv metric (alarms may use either). */
    public static boolean isAlarmable(String metric) {
        return KNOWN.contains(metric) || ServerMetric.named(metric).isPresent() || metric.startsWith("cmd.");
    }
}
