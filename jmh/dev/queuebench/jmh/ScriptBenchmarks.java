package dev.queuebench.jmh;

import dev.queuebench.bench.BenchmarkTarget;
import dev.queuebench.bench.KeyCleanup;
import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.QueueScript;
import dev.queuebench.redis.ScriptExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.RedisClient;

/**
 * What does each Lua script cost, and what does the script save over plain commands?
 *
 * <p>Hypothesis: a script's cost is dominated by its one round trip, so EVALSHA beats the same work as
 * separate commands by roughly the number of round trips it replaces ("7 calls → 1 round trip"), and
 * pipelining recovers most but not all of that (a read must come back before the dependent write).
 * EVAL with the script text should cost a little more than EVALSHA: the text travels and is hashed on
 * every call. A hot key (one event) should not be much cheaper than spread keys on Redis; if it is,
 * the spread number is the honest one.
 *
 * <p>Each method does one call of {@link #script} in one form: {@code evalsha} (the gateway's way),
 * {@code eval}, {@code commands} (one round trip per command) and {@code pipelined}. The forms and their
 * commands are documented per script in the {@link ScriptWorkload} implementations.
 *
 * <p>How to run: {@code java -jar target/queuebench.jar jmh ScriptBenchmarks -prof dev.queuebench.jmh.RedisServerProfiler}
 * (embedded Redis) or add {@code --redis redis://host:6379}. Expect evalsha ≈ eval &gt; pipelined &gt;
 * commands in ops/s, with {@code redis.cmds/op} showing the commands each form sends.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScriptBenchmarks {
    @Param({"ENQUEUE", "ADMISSION_BUCKET", "RATE_LIMIT_BUCKET", "SEAT_HOLD", "SEAT_RELEASE"})
    public QueueScript script;

    @Param({"HOT", "SPREAD"})
    public KeySpread keys;

    RedisClient redis;
    ScriptExecutor executor;
    ScriptWorkload workload;
    final AtomicLong callSequence = new AtomicLong();

    @Setup(Level.Trial)
    public void connect() {
        // Here, not in the teardown: a trial's teardown runs inside its last measured iteration, and the
        // cleanup's SCANs would count as the benchmark's server cost. queuebench jmh cleans up at the end.
        KeyCleanup.removeBenchmarkKeys();
        redis = BenchmarkTarget.pooledClient(PoolProfile.parse(PoolProfile.RECOMMENDED), "queuebench-jmh-scripts");
        executor = new ScriptExecutor(redis);
        executor.loadAll();
        workload = ScriptWorkload.of(script);
    }

    @TearDown(Level.Trial)
    public void close() {
        redis.close();
    }

    /** The next call's keys and arguments, and any state it needs; untimed. */
    @State(Scope.Thread)
    public static class NextCall {
        ScriptCall call;

        @Setup(Level.Invocation)
        public void prepare(ScriptBenchmarks shared) {
            call = shared.workload.nextCall(shared.keys, Long.toString(shared.callSequence.incrementAndGet()));
            shared.workload.prepare(shared.redis, call);
        }
    }

    @Benchmark
    public Object evalsha(NextCall next) {
        return executor.evalsha(script, next.call.keys(), next.call.args());
    }

    @Benchmark
    public Object eval(NextCall next) {
        return redis.eval(script.source(), next.call.keys(), next.call.args());
    }

    @Benchmark
    public Object commands(NextCall next) {
        return workload.asCommands(redis, next.call);
    }

    @Benchmark
    public Object pipelined(NextCall next) {
        return workload.asPipelines(redis, next.call);
    }
}
