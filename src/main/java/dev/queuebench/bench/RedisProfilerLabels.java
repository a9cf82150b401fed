package dev.queuebench.bench;

/**
 * The names shared by the Redis server-side profiler of the {@code jmh/} source root and the main code that
 * adds it to a run and tabulates its results. The profiler is named here as a string, the way JMH's
 * {@code -prof} takes it, because the benchmarks depend on main code and never the reverse.
 *
 * <p>The labels are JMH secondary results, each per operation of the iteration:
 * <ul>
 *   <li>{@value #CPU_LABEL}: Redis main-thread CPU microseconds per operation;</li>
 *   <li>{@value #COMMANDS_LABEL}: Redis commands per operation;</li>
 *   <li>{@value #CONNECTIONS_LABEL}: new connections per operation (pool churn);</li>
 *   <li>{@value #CALL_LABEL_PREFIX}{@code <command>}: microseconds per call of the busiest commands.</li>
 * </ul>
 */
public final class RedisProfilerLabels {
    /** The profiler's class, as {@code -prof} names it. */
    public static final String PROFILER_CLASS_NAME = "dev.queuebench.jmh.RedisServerProfiler";
    public static final String CPU_LABEL = "redis.cpu.us/op";
    public static final String COMMANDS_LABEL = "redis.cmds/op";
    public static final String CONNECTIONS_LABEL = "redis.newconn/op";
    public static final String CALL_LABEL_PREFIX = "redis.us/call.";

    private RedisProfilerLabels() {
    }
}
