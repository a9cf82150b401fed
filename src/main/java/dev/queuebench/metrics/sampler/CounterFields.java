package dev.queuebench.metrics.sampler;

import dev.queuebench.metrics.ServerMetric;
import java.util.List;

/** The INFO counters behind each {@link ServerMetric.Kind#RATE} metric that maps to one field. */
final class CounterFields {
    /** A rate metric and the INFO counter it is the per-second increase of. */
    record Counter(ServerMetric metric, String field) {
    }

    static final List<Counter> SIMPLE = List.of(
            new Counter(ServerMetric.NewConnections, "total_connections_received"),
            new Counter(ServerMetric.Evictions, "evicted_keys"),
            new Counter(ServerMetric.Reclaimed, "expired_keys"),
            new Counter(ServerMetric.CacheHits, "keyspace_hits"),
            new Counter(ServerMetric.CacheMisses, "keyspace_misses"),
            new Counter(ServerMetric.NetworkBytesIn, "total_net_input_bytes"),
            new Counter(ServerMetric.NetworkBytesOut, "total_net_output_bytes"),
            new Counter(ServerMetric.TotalCmds, "total_commands_processed"));

    /** CPU seconds, fractional: the main thread's (Redis 6.2+) and the whole process's. */
    static final List<String> MAIN_THREAD_CPU = List.of("used_cpu_sys_main_thread", "used_cpu_user_main_thread");
    static final List<String> PROCESS_CPU = List.of("used_cpu_sys", "used_cpu_user");

    private CounterFields() {
    }
}
