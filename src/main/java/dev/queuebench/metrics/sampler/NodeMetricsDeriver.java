package dev.queuebench.metrics.sampler;

import dev.queuebench.metrics.CommandFamily;
import dev.queuebench.metrics.CommandMetric;
import dev.queuebench.rundir.MetricRow;
import dev.queuebench.metrics.NodeRole;
import dev.queuebench.metrics.ServerMetric;
import dev.queuebench.redis.InfoSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Turns one endpoint's successive INFO replies into {@code server.csv} rows ({@link ServerMetric} and
 * {@link CommandMetric} say what each is). Gauges come from the reply alone; rates need the previous
 * reply, so the first sample and a sample after a counter reset have none (the reset sample carries
 * {@code CounterReset = 1} instead). Not thread-safe: one per endpoint, fed in time order.
 */
public final class NodeMetricsDeriver {
    private final NodeRole role;
    private final OptionalLong nodeMemoryBytes;
    private InfoReading previous;
    private OptionalDouble offsetBytesPerSec = OptionalDouble.empty();

    /** @param nodeMemoryBytes the node type's memory, for DatabaseMemoryUsagePercentage when maxmemory is 0 */
    public NodeMetricsDeriver(NodeRole role, OptionalLong nodeMemoryBytes) {
        this.role = role;
        this.nodeMemoryBytes = nodeMemoryBytes;
    }

    /**
     * The rows for one reply.
     *
     * @param primary the primary's replication offset and its growth this second; used by the reader only
     */
    public List<MetricRow> next(InfoReading current, PrimaryOffset primary) {
        List<MetricRow> rows = new ArrayList<>();
        InfoSnapshot info = current.info();
        addGauges(rows, current.epochSec(), info, primary);
        if (previous != null) {
            if (CounterResetDetector.isReset(previous.info(), info)) {
                rows.add(row(current.epochSec(), ServerMetric.CounterReset.name(), 1));
                offsetBytesPerSec = OptionalDouble.empty();
            } else {
                double elapsedSec = current.elapsedSecSince(previous);
                if (elapsedSec > 0) {
                    addRates(rows, current.epochSec(), previous.info(), info, elapsedSec);
                    offsetBytesPerSec = rate(previous.info().doubleValue("master_repl_offset"),
                            info.doubleValue("master_repl_offset"), elapsedSec);
                }
            }
        }
        previous = current;
        return rows;
    }

    /** This endpoint's replication offset growth over its last interval (bytes/s), when known. */
    public OptionalDouble offsetBytesPerSec() {
        return offsetBytesPerSec;
    }

    /** The primary's replication position in one second, for the reader's lag. */
    public record PrimaryOffset(OptionalLong offsetBytes, OptionalDouble offsetBytesPerSec) {
        public static final PrimaryOffset UNKNOWN = new PrimaryOffset(OptionalLong.empty(), OptionalDouble.empty());
    }

    private void addGauges(List<MetricRow> rows, long epochSec, InfoSnapshot info, PrimaryOffset primary) {
        OptionalLong usedMemory = info.longValue("used_memory");
        if (usedMemory.isPresent()) {
            rows.add(row(epochSec, ServerMetric.BytesUsedForCache.name(), usedMemory.getAsLong()));
            MemoryBasis.of(info, nodeMemoryBytes).ifPresent(basis -> rows.add(row(epochSec,
                    ServerMetric.DatabaseMemoryUsagePercentage.name(), 100.0 * usedMemory.getAsLong() / basis.bytes())));
        }
        info.longValue("connected_clients").ifPresent(clients ->
                rows.add(row(epochSec, ServerMetric.CurrConnections.name(), clients)));
        rows.add(row(epochSec, ServerMetric.CurrItems.name(), info.keyCount()));
        if (role == NodeRole.PRIMARY) {
            info.longValue("master_repl_offset").ifPresent(offset ->
                    rows.add(row(epochSec, ServerMetric.MasterReplOffset.name(), offset)));
        } else {
            info.longValue("slave_repl_offset").ifPresent(offset ->
                    rows.add(row(epochSec, ServerMetric.ReplicaReplOffset.name(), offset)));
            ReplicationLagEstimator.lagSec(info, primary.offsetBytes(), primary.offsetBytesPerSec())
                    .ifPresent(lag -> rows.add(row(epochSec, ServerMetric.ReplicationLag.name(), lag)));
        }
        for (InfoSnapshot.CommandLatency latency : info.latencies().values()) {
            addIfFinite(rows, epochSec, CommandMetric.P50_MICROS.columnFor(latency.command()), latency.p50Micros());
            addIfFinite(rows, epochSec, CommandMetric.P99_MICROS.columnFor(latency.command()), latency.p99Micros());
            addIfFinite(rows, epochSec, CommandMetric.P999_MICROS.columnFor(latency.command()), latency.p999Micros());
        }
    }

    private void addRates(List<MetricRow> rows, long epochSec, InfoSnapshot before, InfoSnapshot now, double elapsedSec) {
        OptionalDouble engineCpu = cpuPercent(before, now, CounterFields.MAIN_THREAD_CPU, elapsedSec);
        OptionalDouble processCpu = cpuPercent(before, now, CounterFields.PROCESS_CPU, elapsedSec);
        (engineCpu.isPresent() ? engineCpu : processCpu).ifPresent(percent ->
                rows.add(row(epochSec, ServerMetric.EngineCPUUtilization.name(), percent)));
        processCpu.ifPresent(percent -> rows.add(row(epochSec, ServerMetric.ProcessCPUUtilization.name(), percent)));
        for (CounterFields.Counter counter : CounterFields.SIMPLE) {
            rate(before.doubleValue(counter.field()), now.doubleValue(counter.field()), elapsedSec)
                    .ifPresent(perSec -> rows.add(row(epochSec, counter.metric().name(), perSec)));
        }
        Map<ServerMetric, Double> familyCalls = new EnumMap<>(ServerMetric.class);
        CommandFamily.METRICS.forEach(family -> familyCalls.put(family, 0.0));
        for (InfoSnapshot.CommandStat stat : now.commands().values()) {
            InfoSnapshot.CommandStat earlier = before.commands().get(stat.command());
            long calls = stat.calls() - (earlier == null ? 0 : earlier.calls());
            long cpuMicros = stat.cpuMicros() - (earlier == null ? 0 : earlier.cpuMicros());
            rows.add(row(epochSec, CommandMetric.CALLS_PER_SEC.columnFor(stat.command()), calls / elapsedSec));
            rows.add(row(epochSec, CommandMetric.CPU_MICROS_PER_SEC.columnFor(stat.command()), cpuMicros / elapsedSec));
            for (ServerMetric family : CommandFamily.of(stat.command())) {
                familyCalls.merge(family, (double) calls, Double::sum);
            }
        }
        familyCalls.forEach((family, calls) -> rows.add(row(epochSec, family.name(), calls / elapsedSec)));
    }

    private static OptionalDouble cpuPercent(InfoSnapshot before, InfoSnapshot now, List<String> fields, double elapsedSec) {
        double cpuSec = 0;
        for (String field : fields) {
            OptionalDouble delta = rate(before.doubleValue(field), now.doubleValue(field), 1);
            if (delta.isEmpty()) {
                return OptionalDouble.empty();
            }
            cpuSec += delta.getAsDouble();
        }
        return OptionalDouble.of(100.0 * cpuSec / elapsedSec);
    }

    private static OptionalDouble rate(OptionalDouble before, OptionalDouble now, double elapsedSec) {
        if (before.isEmpty() || now.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((now.getAsDouble() - before.getAsDouble()) / elapsedSec);
    }

    private void addIfFinite(List<MetricRow> rows, long epochSec, String metric, double value) {
        if (Double.isFinite(value)) {
            rows.add(row(epochSec, metric, value));
        }
    }

    private MetricRow row(long epochSec, String metric, double value) {
        return new MetricRow(epochSec, role.column(), metric, value);
    }
}
