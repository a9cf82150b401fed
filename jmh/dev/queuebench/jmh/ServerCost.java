package dev.queuebench.jmh;

import dev.queuebench.redis.InfoSnapshot;
import dev.queuebench.redis.InfoSnapshot.CommandStat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Redis's own cost of a benchmark iteration, per operation, from two INFO snapshots (cpu, stats and
 * commandstats sections) taken before and after it:
 *
 * <ul>
 *   <li>{@link #cpuMicrosPerOp}: main-thread CPU, {@code used_cpu_sys_main_thread + used_cpu_user_main_thread}
 *       (Redis 6.2+, the thread that runs commands and scripts), else the process's
 *       {@code used_cpu_sys + used_cpu_user}; both are seconds with microsecond resolution.</li>
 *   <li>{@link #commandsPerOp}: calls summed over {@code cmdstat_*}, without the profiler's own INFO.</li>
 *   <li>{@link #newConnectionsPerOp}: {@code total_connections_received}, the connection churn.</li>
 *   <li>{@link #microsPerCallByCommand}: {@code usec / calls} of each command that ran, busiest first.</li>
 * </ul>
 *
 * A command whose counters went backwards (CONFIG RESETSTAT or a restart mid-iteration) is left out
 * rather than reported negative.
 */
public final class ServerCost {
    static final String PROFILER_COMMAND = "info";
    private static final double MICROS_PER_SEC = 1_000_000.0;

    private final InfoSnapshot before;
    private final InfoSnapshot after;
    private final long ops;

    public ServerCost(InfoSnapshot before, InfoSnapshot after, long ops) {
        if (ops < 1) {
            throw new IllegalArgumentException("ops must be at least 1, got " + ops);
        }
        this.before = before;
        this.after = after;
        this.ops = ops;
    }

    /** Main-thread CPU microseconds per operation; empty when INFO cpu is missing from a snapshot. */
    public OptionalDouble cpuMicrosPerOp() {
        OptionalDouble mainThreadSec = delta("used_cpu_sys_main_thread", "used_cpu_user_main_thread");
        OptionalDouble cpuSec = mainThreadSec.isPresent() ? mainThreadSec : delta("used_cpu_sys", "used_cpu_user");
        return cpuSec.isPresent() ? OptionalDouble.of(cpuSec.getAsDouble() * MICROS_PER_SEC / ops) : OptionalDouble.empty();
    }

    public double commandsPerOp() {
        return commandDeltas().stream().mapToLong(CommandStat::calls).sum() / (double) ops;
    }

    public OptionalDouble newConnectionsPerOp() {
        return delta("total_connections_received").stream()
                .map(connections -> connections / ops).findFirst();
    }

    /** Microseconds per call by command, the most called first (ties: the most CPU first). */
    public Map<String, Double> microsPerCallByCommand() {
        Map<String, Double> costs = new LinkedHashMap<>();
        commandDeltas().stream()
                .sorted(Comparator.comparingLong(CommandStat::calls)
                        .thenComparingLong(CommandStat::cpuMicros).reversed())
                .forEach(stat -> costs.put(stat.command(), stat.cpuMicros() / (double) stat.calls()));
        return costs;
    }

    /** Per-command differences with at least one call, excluding the profiler's INFO. */
    List<CommandStat> commandDeltas() {
        List<CommandStat> deltas = new ArrayList<>();
        for (CommandStat last : after.commands().values()) {
            if (last.command().equals(PROFILER_COMMAND)) {
                continue;
            }
            CommandStat first = before.commands().get(last.command());
            long calls = last.calls() - (first == null ? 0 : first.calls());
            long cpuMicros = last.cpuMicros() - (first == null ? 0 : first.cpuMicros());
            if (calls > 0 && cpuMicros >= 0) {
                deltas.add(new CommandStat(last.command(), calls, cpuMicros,
                        last.rejectedCalls() - (first == null ? 0 : first.rejectedCalls()),
                        last.failedCalls() - (first == null ? 0 : first.failedCalls())));
            }
        }
        return deltas;
    }

    private OptionalDouble delta(String... fields) {
        double sum = 0;
        for (String field : fields) {
            OptionalDouble first = before.doubleValue(field);
            OptionalDouble last = after.doubleValue(field);
            if (first.isEmpty() || last.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += last.getAsDouble() - first.getAsDouble();
        }
        return sum < 0 ? OptionalDouble.empty() : OptionalDouble.of(sum);
    }
}
