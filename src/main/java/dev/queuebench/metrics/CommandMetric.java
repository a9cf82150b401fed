package dev.queuebench.metrics;

import java.util.Locale;

/**
 * Per-command metrics in {@code server.csv}, named {@code cmd.<lower-case command>.<suffix>}, e.g.
 * {@code cmd.evalsha.calls_per_sec}. Subcommands keep Redis's {@code |}: {@code cmd.client|setname…}.
 */
public enum CommandMetric {
    CALLS_PER_SEC("calls_per_sec", "calls/s", "commandstats: Δcalls / Δt"),
    CPU_MICROS_PER_SEC("cpu_micros_per_sec", "µs of CPU/s", "commandstats: Δusec / Δt"),
    P50_MICROS("p50_micros", "µs", "latencystats p50 (Redis 7+; cumulative since start or CONFIG RESETSTAT)"),
    P99_MICROS("p99_micros", "µs", "latencystats p99 (Redis 7+; cumulative)"),
    P999_MICROS("p999_micros", "µs", "latencystats p99.9 (Redis 7+; cumulative)");

    public static final String PREFIX = "cmd.";

    private final String suffix;
    private final String unit;
    private final String derivation;

    CommandMetric(String suffix, String unit, String derivation) {
        this.suffix = suffix;
        this.unit = unit;
        this.derivation = derivation;
    }

    public String columnFor(String command) {
        return PREFIX + command.toLowerCase(Locale.ROOT) + "." + suffix;
    }

    public String unit() {
        return unit;
    }

    public String derivation() {
        return derivation;
    }
}
