package dev.queuebench.metrics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one documented list of the node-level metrics in {@code server.csv}: the name (ElastiCache's
 * CloudWatch name where there is one), its unit, and how it is derived from {@code INFO}. The
 * table in docs/server-metrics.md is {@link #markdownTable()} (a test keeps the two identical).
 *
 * <p>{@link Kind#RATE} metrics are per-second rates over the interval since the node's previous
 * sample: (counter now - counter before) / elapsed seconds, elapsed measured by the server's own
 * {@code server_time_usec} when both samples have it. Per-command metrics are in {@link CommandMetric}.
 */
public enum ServerMetric {
    EngineCPUUtilization(Kind.RATE, "% of one core",
            "Redis main thread: Δ(used_cpu_sys_main_thread + used_cpu_user_main_thread) / Δt × 100; "
                    + "used_cpu_sys + used_cpu_user when the main-thread fields are absent (Redis < 6.2)"),
    ProcessCPUUtilization(Kind.RATE, "% of one core",
            "whole redis-server process: Δ(used_cpu_sys + used_cpu_user) / Δt × 100"),
    DatabaseMemoryUsagePercentage(Kind.GAUGE, "%",
            "used_memory / maxmemory × 100; when maxmemory is 0 or hidden, against --node-memory-bytes, "
                    + "else total_system_memory (server-info.json says which)"),
    BytesUsedForCache(Kind.GAUGE, "bytes", "used_memory"),
    CurrConnections(Kind.GAUGE, "connections", "connected_clients (includes the sampler's own connection)"),
    NewConnections(Kind.RATE, "connections/s", "Δtotal_connections_received / Δt"),
    CurrItems(Kind.GAUGE, "keys", "keys summed over the keyspace section's dbN lines"),
    Evictions(Kind.RATE, "keys/s", "Δevicted_keys / Δt"),
    Reclaimed(Kind.RATE, "keys/s", "Δexpired_keys / Δt"),
    CacheHits(Kind.RATE, "lookups/s", "Δkeyspace_hits / Δt"),
    CacheMisses(Kind.RATE, "lookups/s", "Δkeyspace_misses / Δt"),
    NetworkBytesIn(Kind.RATE, "bytes/s", "Δtotal_net_input_bytes / Δt"),
    NetworkBytesOut(Kind.RATE, "bytes/s", "Δtotal_net_output_bytes / Δt"),
    ReplicationLag(Kind.GAUGE, "seconds",
            "reader only: (primary master_repl_offset - reader slave_repl_offset) / the primary's offset rate "
                    + "(bytes/s), both sampled in the same second; 0 when the reader has caught up; "
                    + "master_link_down_since_seconds while the link is down"),
    MasterReplOffset(Kind.GAUGE, "bytes", "primary only: master_repl_offset"),
    ReplicaReplOffset(Kind.GAUGE, "bytes", "reader only: slave_repl_offset"),
    TotalCmds(Kind.RATE, "commands/s", "Δtotal_commands_processed / Δt"),
    EvalBasedCmds(Kind.RATE, "commands/s", "Δcalls of eval, evalsha, eval_ro, evalsha_ro, fcall, fcall_ro / Δt"),
    GetTypeCmds(Kind.RATE, "commands/s", "Δcalls of read-only commands / Δt"),
    SetTypeCmds(Kind.RATE, "commands/s", "Δcalls of write commands / Δt"),
    KeyBasedCmds(Kind.RATE, "commands/s", "Δcalls of the generic key commands (del, exists, expire, ttl, …) / Δt"),
    SortedSetBasedCmds(Kind.RATE, "commands/s", "Δcalls of the sorted-set commands / Δt"),
    StreamBasedCmds(Kind.RATE, "commands/s", "Δcalls of the stream commands / Δt"),
    HashBasedCmds(Kind.RATE, "commands/s", "Δcalls of the hash commands / Δt"),
    ListBasedCmds(Kind.RATE, "commands/s", "Δcalls of the list commands / Δt"),
    CounterReset(Kind.MARKER, "1 = reset",
            "1 on a sample where a counter went backwards, uptime_in_seconds dropped or run_id changed "
                    + "(restart, failover, CONFIG RESETSTAT): that sample has gauges only, no rates");

    /** How a metric's value is obtained from INFO. */
    public enum Kind {
        /** The value INFO shows now. */
        GAUGE,
        /** A counter's per-second increase since the previous sample. */
        RATE,
        /** Written only when something happened. */
        MARKER
    }

    private final Kind kind;
    private final String unit;
    private final String derivation;

    ServerMetric(Kind kind, String unit, String derivation) {
        this.kind = kind;
        this.unit = unit;
        this.derivation = derivation;
    }

    public Kind kind() {
        return kind;
    }

    public String unit() {
        return unit;
    }

    public String derivation() {
        return derivation;
    }

    public static Optional<ServerMetric> named(String name) {
        return Arrays.stream(values()).filter(metric -> metric.name().equals(name)).findFirst();
    }

    /** The docs/server-metrics.md table: every node metric, then every per-command metric. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| metric | unit | from INFO |\n|---|---|---|\n");
        for (ServerMetric metric : values()) {
            table.append("| `").append(metric.name()).append("` | ").append(metric.unit).append(" | ")
                    .append(metric.derivation).append(" |\n");
        }
        for (CommandMetric metric : CommandMetric.values()) {
            table.append("| `").append(metric.columnFor("<command>")).append("` | ").append(metric.unit())
                    .append(" | ").append(metric.derivation()).append(" |\n");
        }
        return table.toString();
    }
}
