package dev.queuebench.metrics.sampler;

import dev.queuebench.redis.InfoSnapshot;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What DatabaseMemoryUsagePercentage divides {@code used_memory} by, as ElastiCache does: the node's
 * {@code maxmemory}; when that is 0 (no limit) or hidden, the node type's memory given with
 * {@code --node-memory-bytes}; failing that, the host's {@code total_system_memory}.
 *
 * @param bytes  the denominator
 * @param source {@code maxmemory}, {@code node_memory_bytes_option} or {@code total_system_memory}
 */
public record MemoryBasis(long bytes, String source) {
    public static Optional<MemoryBasis> of(InfoSnapshot info, OptionalLong nodeMemoryBytes) {
        OptionalLong maxMemory = info.longValue("maxmemory");
        if (maxMemory.isPresent() && maxMemory.getAsLong() > 0) {
            return Optional.of(new MemoryBasis(maxMemory.getAsLong(), "maxmemory"));
        }
        if (nodeMemoryBytes.isPresent()) {
            return Optional.of(new MemoryBasis(nodeMemoryBytes.getAsLong(), "node_memory_bytes_option"));
        }
        OptionalLong total = info.longValue("total_system_memory");
        if (total.isPresent() && total.getAsLong() > 0) {
            return Optional.of(new MemoryBasis(total.getAsLong(), "total_system_memory"));
        }
        return Optional.empty();
    }
}
