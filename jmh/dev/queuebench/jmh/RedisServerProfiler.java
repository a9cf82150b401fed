package dev.queuebench.jmh;

import static dev.queuebench.bench.RedisProfilerLabels.CALL_LABEL_PREFIX;
import static dev.queuebench.bench.RedisProfilerLabels.COMMANDS_LABEL;
import static dev.queuebench.bench.RedisProfilerLabels.CONNECTIONS_LABEL;
import static dev.queuebench.bench.RedisProfilerLabels.CPU_LABEL;

import dev.queuebench.bench.BenchmarkTarget;
import dev.queuebench.bench.RedisProfilerLabels;
import dev.queuebench.redis.InfoSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;
import redis.clients.jedis.Jedis;

/**
 * Redis's side of every iteration, as JMH secondary results: {@code -prof dev.queuebench.jmh.RedisServerProfiler}.
 * Takes INFO cpu, stats and commandstats before and after each iteration on the Redis named by
 * {@link BenchmarkTarget} and reports per operation (JMH's count of all operations in the iteration,
 * which covers the same window as the two snapshots) the results named in {@link RedisProfilerLabels}, with
 * microseconds per call of the {@value #TOP_COMMANDS} most called commands.
 *
 * Everything on the server counts, so a benchmark should have the Redis to itself. The arithmetic is in
 * {@link ServerCost}.
 */
public final class RedisServerProfiler implements InternalProfiler {
    static final int TOP_COMMANDS = 3;

    private Jedis redis;
    private InfoSnapshot before;
    private int measurementIterationsDone;

    @Override
    public String getDescription() {
        return "Redis server cost per operation from INFO (cpu, stats, commandstats)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (redis == null) {
            redis = BenchmarkTarget.adminConnection();
        }
        before = snapshot();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        InfoSnapshot after = snapshot();
        closeAfterLastIteration(iterationParams);
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getAllOps();
        if (ops < 1) {
            return List.of();
        }
        ServerCost cost = new ServerCost(before, after, ops);
        List<Result> results = new ArrayList<>();
        cost.cpuMicrosPerOp().ifPresent(cpu -> results.add(perOp(CPU_LABEL, cpu, "us/op")));
        results.add(perOp(COMMANDS_LABEL, cost.commandsPerOp(), "cmds/op"));
        cost.newConnectionsPerOp().ifPresent(churn -> results.add(perOp(CONNECTIONS_LABEL, churn, "conns/op")));
        cost.microsPerCallByCommand().entrySet().stream().limit(TOP_COMMANDS)
                .forEach(command -> results.add(perOp(CALL_LABEL_PREFIX + command.getKey(), command.getValue(),
                        "us/call")));
        return results;
    }

    /** JMH has no end-of-run hook for internal profilers: the last measurement iteration is the end. */
    private void closeAfterLastIteration(IterationParams iterationParams) {
        if (iterationParams.getType() == IterationType.MEASUREMENT
                && ++measurementIterationsDone == iterationParams.getCount()) {
            redis.close();
            redis = null;
            measurementIterationsDone = 0;
        }
    }

    private InfoSnapshot snapshot() {
        // Three sections, three calls: Redis 6.2 takes only one section name per INFO.
        return InfoSnapshot.parse(redis.info("cpu") + "\r\n" + redis.info("stats") + "\r\n"
                + redis.info("commandstats"));
    }

    private static ScalarResult perOp(String label, double value, String unit) {
        return new ScalarResult(label, value, unit, AggregationPolicy.AVG);
    }
}
