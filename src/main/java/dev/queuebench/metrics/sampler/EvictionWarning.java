package dev.queuebench.metrics.sampler;

import dev.queuebench.rundir.MetricRow;
import dev.queuebench.metrics.ServerMetric;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Says once per node, on the console, when Redis starts evicting keys: every key here is queue state,
 * so an eviction silently drops a waiting user or a reservation (the capacity plan's allkeys-lru).
 */
final class EvictionWarning {
    private final Consumer<String> console;
    private final Set<String> warnedNodes = new HashSet<>();

    EvictionWarning(Consumer<String> console) {
        this.console = console;
    }

    void check(List<MetricRow> rows) {
        for (MetricRow row : rows) {
            if (row.metric().equals(ServerMetric.Evictions.name()) && row.value() > 0 && warnedNodes.add(row.node())) {
                console.accept(String.format(java.util.Locale.ROOT, "Warning: Redis (%s) is evicting keys, %.1f/s at "
                        + "%d: evicted queue state drops waiting users; more memory or maxmemory-policy noeviction",
                        row.node(), row.value(), row.epochSec()));
            }
        }
    }
}
