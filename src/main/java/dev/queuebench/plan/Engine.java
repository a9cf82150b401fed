package dev.queuebench.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ElastiCache engine a replication group runs: it decides which price column of the catalog
 * the plan uses. The per-request costs come from the runs, so they are the measured engine's.
 */
public enum Engine {
    REDIS("redis", "ElastiCache for Redis OSS"),
    VALKEY("valkey", "ElastiCache for Valkey");

    private final String key;
    private final String productName;

    Engine(String key, String productName) {
        this.key = key;
        this.productName = productName;
    }

    /** The catalog's price column and the {@code --engine} value. */
    public String key() {
        return key;
    }

    public String productName() {
        return productName;
    }

    /** @throws IllegalArgumentException naming the valid values */
    public static Engine parse(String value) {
        return Arrays.stream(values()).filter(engine -> engine.key.equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("--engine must be one of "
                        + Arrays.stream(values()).map(Engine::key).collect(Collectors.joining(", ")) + ", was '"
                        + value + "'"));
    }
}
