package dev.queuebench.metrics.sampler;

import dev.queuebench.redis.RedisEndpoint;
import dev.queuebench.redis.RedisTls;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the INFO sampler watches and how.
 *
 * @param primary         the primary endpoint (required)
 * @param reader          the reader endpoint, or null
 * @param tls             trust for {@code rediss://}
 * @param nodeMemoryBytes the node type's memory, for DatabaseMemoryUsagePercentage when maxmemory is 0
 * @param intervalMillis  time between samples: {@value #DEFAULT_INTERVAL_MILLIS} ms, one row per metric per second
 * @param timeoutMillis   connect and INFO timeout, below the interval so a dead node costs one tick at most
 */
public record SamplerSettings(RedisEndpoint primary, RedisEndpoint reader, RedisTls tls, OptionalLong nodeMemoryBytes,
        int intervalMillis, int timeoutMillis) {
    public static final int DEFAULT_INTERVAL_MILLIS = 1000;
    public static final int DEFAULT_TIMEOUT_MILLIS = 800;

    public SamplerSettings {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(tls, "tls");
        if (nodeMemoryBytes.isPresent() && nodeMemoryBytes.getAsLong() < 1) {
            throw new IllegalArgumentException("--node-memory-bytes must be at least 1, was " + nodeMemoryBytes.getAsLong());
        }
        if (intervalMillis < 100) {
            throw new IllegalArgumentException("intervalMillis must be at least 100, was " + intervalMillis);
        }
        if (timeoutMillis < 1 || timeoutMillis >= intervalMillis) {
            throw new IllegalArgumentException("timeoutMillis must be between 1 and intervalMillis - 1, was " + timeoutMillis);
        }
    }

    /** Once a second, 800 ms timeout. */
    public static SamplerSettings of(RedisEndpoint primary, RedisEndpoint reader, RedisTls tls, OptionalLong nodeMemoryBytes) {
        return new SamplerSettings(primary, reader, tls, nodeMemoryBytes, DEFAULT_INTERVAL_MILLIS, DEFAULT_TIMEOUT_MILLIS);
    }
}
