package dev.queuebench.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ranks Redis commands by the server CPU they took, from the sampler's
 * {@code cmd.<name>.cpu_micros_per_sec} and {@code cmd.<name>.calls_per_sec} (every node summed).
 * Commands that walk the keyspace or a whole structure are flagged, so a KEYS storm stands out.
 */
public final class CommandCosts {
    public static final double SLOW_CALL_MICROS = 100;
    /** Commands that walk the whole keyspace: never on a request path. */
    /** The INFO sampler's own command: a cost of measuring, not of the requests. */
    static final String SAMPLER_COMMAND = "info";
    static final Set<String> KEYSPACE_COMMANDS = Set.of("keys", "flushall", "flushdb");
    /**
     * Commands whose cost grows with the structure they read; cheap on a small one (the join's
     * XRANGE of one entry costs about 20 µs on a loaded machine), so flagged only above
     * {@value #SLOW_CALL_MICROS} µs a call, which a full read of a large structure passes.
     */
    static final Set<String> LINEAR_COMMANDS = Set.of("scan", "smembers", "sunion", "sinter", "sdiff",
            "hgetall", "hkeys", "hvals", "lrange", "zrange", "zrangebyscore", "zrevrange", "zrevrangebyscore",
            "xrange", "xrevrange", "sort", "flushall", "flushdb", "lrem", "zunionstore", "zinterstore",
            "sunionstore", "sinterstore", "sdiffstore");

    private CommandCosts() {
    }

    public static List<CommandCost> rank(ServerMetrics server) {
        Map<String, double[]> byCommand = new TreeMap<>();
        Map<String, Integer> seconds = new TreeMap<>();
        server.all().forEach((key, values) -> {
            if (!"server".equals(key.source()) || !key.metric().startsWith("cmd.")) {
                return;
            }
            String metric = key.metric();
            int lastDot = metric.lastIndexOf('.');
            String command = metric.substring(4, lastDot);
            String field = metric.substring(lastDot + 1);
            double sum = values.values().stream().mapToDouble(Double::doubleValue).sum();
            if ("cpu_micros_per_sec".equals(field)) {
                byCommand.computeIfAbsent(command, c -> new double[2])[0] += sum;
            } else if ("calls_per_sec".equals(field)) {
                byCommand.computeIfAbsent(command, c -> new double[2])[1] += sum;
                seconds.merge(command, values.size(), Math::max);
            }
        });
        double totalCpu = byCommand.values().stream().mapToDouble(v -> v[0]).sum();
        List<CommandCost> ranked = new ArrayList<>();
        byCommand.forEach((command, v) -> {
            double perCall = v[1] > 0 ? v[0] / v[1] : Double.NaN;
            String name = command.toLowerCase(java.util.Locale.ROOT);
            boolean walksData = KEYSPACE_COMMANDS.contains(name)
                    || LINEAR_COMMANDS.contains(name) && perCall > SLOW_CALL_MICROS;
            boolean linear = !SAMPLER_COMMAND.equals(name) && (walksData || perCall > SLOW_CALL_MICROS);
            ranked.add(new CommandCost(command, v[0], v[1], totalCpu > 0 ? 100 * v[0] / totalCpu : 0, perCall,
                    v[1] / Math.max(1, seconds.getOrDefault(command, 1)), linear, walksData));
        });
        ranked.sort(Comparator.comparingDouble((CommandCost c) -> -c.cpuMicros()).thenComparing(CommandCost::command));
        return ranked;
    }

    /** Total command CPU per second over the nodes, for the per-request fit. */
    static NavigableMap<Long, Double> cpuMicrosPerSec(ServerMetrics server) {
        NavigableMap<Long, Double> total = new TreeMap<>();
        server.all().forEach((key, values) -> {
            if ("server".equals(key.source()) && key.metric().startsWith("cmd.")
                    && key.metric().endsWith(".cpu_micros_per_sec")) {
                values.forEach((sec, value) -> total.merge(sec, value, Double::sum));
            }
        });
        return total;
    }
}
