package dev.queuebench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.bench.BenchmarkTarget;
import dev.queuebench.bench.KeyCleanup;
import dev.queuebench.bench.RedisProfilerLabels;
import dev.queuebench.redis.EmbeddedRedis;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import redis.clients.jedis.Jedis;

/**
 * Runs every benchmark class for one tiny iteration in this JVM (no fork) against an embedded Redis, with
 * the server-side profiler, and checks that each produced a score and positive server-side costs, that
 * every key written is under the benchmarks' prefix, and that the cleanup removes them all and nothing else.
 */
class JmhBenchmarksIT {
    static final String JMH_IGNORE_LOCK = "jmh.ignoreLock";
    private static final String SENTINEL_KEY = "not-a-benchmark-key";
    private static EmbeddedRedis redis;

    @BeforeAll
    static void startRedis() {
        // JMH's /tmp/jmh.lock keeps two benchmark runs apart; these tiny runs on a private Redis need not wait.
        System.setProperty(JMH_IGNORE_LOCK, "true");
        redis = EmbeddedRedis.builder().start();
        System.setProperty(BenchmarkTarget.URL_PROPERTY, redis.endpoint().redacted());
        try (Jedis admin = BenchmarkTarget.adminConnection()) {
            admin.set(SENTINEL_KEY, "must survive the benchmarks");
        }
    }

    @AfterAll
    static void stopRedis() {
        System.clearProperty(BenchmarkTarget.URL_PROPERTY);
        System.clearProperty(JMH_IGNORE_LOCK);
        redis.close();
    }

    @Test
    void scriptBenchmarksMeasureEveryScriptInEveryForm() throws RunnerException {
        Collection<RunResult> results = run(tiny(ScriptBenchmarks.class).param("keys", "SPREAD"));
        assertEquals(5 * 4, results.size());
        results.forEach(JmhBenchmarksIT::assertScoreAndServerCost);
    }

    @Test
    void endpointBenchmarksMeasureJoinStatusAndEnter() throws RunnerException {
        Collection<RunResult> results = run(tiny(EndpointBenchmarks.class).param("keys", "HOT"));
        assertEquals(3, results.size());
        // join: rate limit (EVALSHA + TIME, HMGET, HSET, EXPIRE), enqueue (EVALSHA + EXISTS, XADD, SETEX),
        // the 7-command pipeline and the 3-command follow-up.
        assertEquals(19.0, secondary(results, "join").get(RedisProfilerLabels.COMMANDS_LABEL).getScore(), 0.1);
        // status: rate limit (5), EXISTS, EXPIRE, GET, ZRANK, 3 ZCOUNT, ZRANK.
        assertEquals(13.0, secondary(results, "status").get(RedisProfilerLabels.COMMANDS_LABEL).getScore(), 0.1);
        results.forEach(JmhBenchmarksIT::assertScoreAndServerCost);
    }

    @Test
    void poolBenchmarksReportBorrowWaitAndExhaustion() throws RunnerException {
        Collection<RunResult> results = run(tiny(PoolBenchmarks.class).param("pool", "custom;maxActive=2;maxIdle=1")
                .threads(4));
        assertEquals(2, results.size(), "throughput and sample time");
        results.forEach(JmhBenchmarksIT::assertScoreAndServerCost);
        RunResult throughput = results.stream()
                .filter(r -> r.getParams().getMode() == org.openjdk.jmh.annotations.Mode.Throughput)
                .findFirst().orElseThrow();
        Map<String, Result> secondary = throughput.getSecondaryResults();
        assertTrue(secondary.get("calls").getScore() > 0, secondary.keySet().toString());
        assertTrue(secondary.get("borrowWaitMicros").getScore() > 0, "4 callers on 2 connections wait");
        assertNotNull(secondary.get("exhaustedErrors"));
        // maxIdle 1 below 4 callers: returned connections are closed and reopened.
        assertTrue(secondary.get(RedisProfilerLabels.CONNECTIONS_LABEL).getScore() > 0, "churn");
    }

    @Test
    void connectionCountBenchmarksHoldIdleConnections() throws RunnerException {
        Collection<RunResult> results = run(tiny(ConnectionCountBenchmarks.class).param("idleConnections", "100"));
        assertEquals(2, results.size(), "throughput and sample time");
        results.forEach(JmhBenchmarksIT::assertScoreAndServerCost);
    }

    private static Map<String, Result> secondary(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow().getSecondaryResults();
    }

    private static ChainedOptionsBuilder tiny(Class<?> benchmarks) {
        return new OptionsBuilder()
                .include(benchmarks.getName() + "\\.")
                .forks(0)
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(1).measurementTime(TimeValue.milliseconds(200))
                .addProfiler(RedisServerProfiler.class)
                .shouldFailOnError(true);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        try (Jedis admin = BenchmarkTarget.adminConnection()) {
            Set<String> outsidePrefix = new TreeSet<>(admin.keys("*"));
            outsidePrefix.removeIf(key -> key.startsWith(BenchmarkTarget.KEY_PREFIX));
            assertEquals(Set.of(SENTINEL_KEY), outsidePrefix, "the benchmarks wrote only under their prefix");
            KeyCleanup.removeBenchmarkKeys(admin);
            assertEquals(1, admin.dbSize(), "only the sentinel is left after the cleanup");
        }
        return results;
    }

    private static void assertScoreAndServerCost(RunResult result) {
        String name = result.getParams().id();
        assertTrue(result.getPrimaryResult().getScore() > 0, name + " score");
        Map<String, Result> secondary = result.getSecondaryResults();
        for (String label : new String[] {RedisProfilerLabels.CPU_LABEL, RedisProfilerLabels.COMMANDS_LABEL}) {
            assertTrue(secondary.containsKey(label), name + " lacks " + label + ": " + secondary.keySet());
            assertTrue(secondary.get(label).getScore() > 0, name + " " + label);
        }
        assertFalse(secondary.keySet().stream().noneMatch(k -> k.startsWith(RedisProfilerLabels.CALL_LABEL_PREFIX)),
                name + " has per-command costs");
    }
}
