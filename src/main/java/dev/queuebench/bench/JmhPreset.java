package dev.queuebench.bench;

import dev.queuebench.redis.PoolProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What {@code queuebench jmh} runs when given no benchmark names, and for how long.
 *
 * <ul>
 *   <li>{@link #QUICK} (8 minutes on the 2 shared cores at load 10-15; CI and laptops): spread keys only,
 *       one fork, 4 × 1 s of warm-up and four half-second measurements; each pool profile with twice its
 *       maxActive in callers; connection counts in throughput mode only. Four measurements are the fewest
 *       {@link Steadiness} can judge; its ± is wide and four seconds do not always finish the JIT's climb:
 *       it shows orders of magnitude.</li>
 *   <li>{@link #FULL} (about fifty minutes; baselines): hot and spread keys, two forks, each with 10 × 1 s of
 *       warm-up and five 1-second measurements; each pool profile at half, equal and twice its maxActive in
 *       callers; connection counts with latency percentiles too.</li>
 * </ul>
 *
 * Why ten seconds of warm-up: with 4 caller threads on the shared 2-core machine, a script benchmark's
 * throughput climbed for 7 to 11 seconds of a new JVM before its iterations settled (issue 17 and
 * docs/measurements.md, "JMH warm-up"); the former 2 × 1 s left that climb in the baselines' score and ±.
 *
 * Scripts, endpoints and connection counts run with {@value #CALLER_THREADS} caller threads, as
 * {@code redis-benchmark -c 4} does in the fidelity comparison.
 *
 * @param forks                forked JVMs per benchmark
 * @param warmupIterations     warm-up iterations per fork
 * @param warmupMillis         length of each warm-up iteration
 * @param measurementIterations measured iterations per fork
 * @param measurementMillis    length of each measured iteration
 */
public enum JmhPreset {
    QUICK(1, 4, 1_000, 4, 500, List.of("SPREAD"), List.of(2.0), List.of(Mode.Throughput)),
    FULL(2, 10, 1_000, 5, 1_000, List.of("HOT", "SPREAD"), List.of(0.5, 1.0, 2.0),
            List.of(Mode.Throughput, Mode.SampleTime));

    static final int CALLER_THREADS = 4;
    static final String BENCHMARK_PACKAGE = "dev.queuebench.jmh.";
    /** Idle limit below the callers (churn) and a pool small enough to exhaust on a laptop. */
    static final String CUSTOM_POOL = "custom;maxActive=8;maxIdle=2";

    private final int forks;
    private final int warmupIterations;
    private final int warmupMillis;
    private final int measurementIterations;
    private final int measurementMillis;
    private final List<String> keySpreads;
    private final List<Double> callersPerMaxActive;
    private final List<Mode> connectionModes;

    JmhPreset(int forks, int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis,
            List<String> keySpreads, List<Double> callersPerMaxActive, List<Mode> connectionModes) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.keySpreads = keySpreads;
        this.callersPerMaxActive = callersPerMaxActive;
        this.connectionModes = connectionModes;
    }

    /** @throws IllegalArgumentException naming the valid presets */
    public static JmhPreset parse(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown preset '" + name + "': use one of "
                        + Arrays.stream(values()).map(JmhPreset::label).collect(Collectors.joining(", "))));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int forks() {
        return forks;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public TimeValue warmupTime() {
        return TimeValue.milliseconds(warmupMillis);
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public TimeValue measurementTime() {
        return TimeValue.milliseconds(measurementMillis);
    }

    /** The runs of this preset, in the order the tables are printed. */
    public List<JmhGroup> groups() {
        List<JmhGroup> groups = new ArrayList<>();
        groups.add(new JmhGroup("Lua scripts", include("ScriptBenchmarks"), Map.of("keys", keySpreads),
                CALLER_THREADS, List.of()));
        groups.add(new JmhGroup("Endpoints (Redis work per request)", include("EndpointBenchmarks"),
                Map.of("keys", keySpreads), CALLER_THREADS, List.of()));
        for (String pool : List.of(PoolProfile.CURRENT, PoolProfile.EMERGENCY, PoolProfile.RECOMMENDED, CUSTOM_POOL)) {
            int maxActive = PoolProfile.parse(pool.replace(';', ',')).maxActive();
            for (double ratio : callersPerMaxActive) {
                groups.add(new JmhGroup("Pool profiles", include("PoolBenchmarks"), Map.of("pool", List.of(pool)),
                        Math.max(1, (int) Math.round(maxActive * ratio)), List.of()));
            }
        }
        groups.add(new JmhGroup("Idle connections held open", include("ConnectionCountBenchmarks"), Map.of(),
                CALLER_THREADS, connectionModes));
        return groups;
    }

    private static String include(String className) {
        return BENCHMARK_PACKAGE.replace(".", "\\.") + className + "\\.";
    }
}
