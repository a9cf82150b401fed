package dev.queuebench.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ranks Redis commands by the server CPU they took, from the sampler's
 * {@code cmd.<name>.cpu_micros_per_sec} and {@code cmd.<name>.calls_per_sec} (every node summed).
 * Commands that walk the keyspace or a whole structure are flagged, so a KEYS storm stands out;
 * a command that is merely slow is not, as a loaded machine makes every call slow (EVALSHA measured
 * 93-111 µs a call across six identical runs on a busy machine).
 */
public final class CommandCosts {
    public static final double SLOW_CALL_MICROS = 100;
    /** Commands that walk the whole keyspace: never on a request path. */
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
        return rank(byCommand, seconds);
    }

    /**
     * Ranks commands from their CPU µs and calls over the run ({@code command → {cpuMicros, calls}}),
     * counting a script's time once: the commands a script called stay in their own rows, and the
     * script rows keep their time less those commands' (estimated from the calls the scripts made
     * and each command's mean µs per call, at most the scripts' own time, shared among the script
     * commands by their time).
     */
    static List<CommandCost> rank(Map<String, double[]> byCommand, Map<String, Integer> seconds) {
        Map<String, Double> callsByCommand = new TreeMap<>();
        byCommand.forEach((command, v) -> callsByCommand.put(command.toLowerCase(Locale.ROOT), v[1]));
        double scriptCpu = 0;
        double innerCpu = 0;
        for (Map.Entry<String, double[]> entry : byCommand.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            double[] v = entry.getValue();
            if (GatewayCommands.SCRIPT_COMMANDS.contains(name)) {
                scriptCpu += v[0];
            } else if (v[1] > 0) {
                innerCpu += GatewayCommands.callsFromScripts(name, callsByCommand) * v[0] / v[1];
            }
        }
        double innerShareOfScripts = scriptCpu > 0 ? Math.min(innerCpu, scriptCpu) / scriptCpu : 0;
        double totalCounted = 0;
        for (Map.Entry<String, double[]> entry : byCommand.entrySet()) {
            totalCounted += entry.getValue()[0] * (isScript(entry.getKey()) ? 1 - innerShareOfScripts : 1);
        }
        List<CommandCost> ranked = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : byCommand.entrySet()) {
            String command = entry.getKey();
            double[] v = entry.getValue();
            String name = command.toLowerCase(Locale.ROOT);
            double perCall = v[1] > 0 ? v[0] / v[1] : Double.NaN;
            boolean walksData = KEYSPACE_COMMANDS.contains(name)
                    || LINEAR_COMMANDS.contains(name) && perCall > SLOW_CALL_MICROS;
            double inner = isScript(command) ? v[0] * innerShareOfScripts : 0;
            ranked.add(new CommandCost(command, v[0], v[1], totalCounted > 0 ? 100 * (v[0] - inner) / totalCounted : 0,
                    perCall, v[1] / Math.max(1, seconds.getOrDefault(command, 1)), walksData, walksData, inner,
                    GatewayCommands.sends(name)));
        }
        ranked.sort(Comparator.comparingDouble((CommandCost c) -> -c.countedCpuMicros())
                .thenComparing(CommandCost::command));
        return ranked;
    }

    private static boolean isScript(String command) {
        return GatewayCommands.SCRIPT_COMMANDS.contains(command.toLowerCase(Locale.ROOT));
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
