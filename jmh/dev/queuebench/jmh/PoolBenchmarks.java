package dev.queuebench.jmh;

import dev.queuebench.bench.BenchmarkTarget;
import dev.queuebench.bench.KeyCleanup;
import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.QueueScript;
import dev.queuebench.redis.ScriptExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.Connection;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.util.PrefixedKeyArgumentPreProcessor;

/**
 * How do the capacity plan's pool settings behave when the callers are fewer than, as many as, or more
 * than the pool's {@code maxActive}?
 *
 * <p>Hypothesis: below {@code maxActive} every profile performs alike; above it callers queue for a
 * connection (borrow wait grows, p99 with it) and, past the borrow timeout, fail with pool exhaustion.
 * When {@code maxIdle} is below the number of active callers, connections returned beyond maxIdle are
 * closed and reopened at once: {@code redis.newconn/op} (from {@link RedisServerProfiler}) shows that
 * churn, which costs Redis an accept, a HELLO/AUTH and a CLIENT SETNAME each time.
 *
 * <p>One operation = borrow a connection from the pool, EVALSHA the admission bucket (hot key), return it,
 * as the gateway's client does for every command. Caller threads come from JMH ({@code -t}): {@code
 * queuebench jmh --preset full} runs each profile at half, equal and twice its maxActive, the quick preset
 * at twice only. Secondary results (per
 * iteration, summed over threads): {@code borrowWaitMicros} and {@code calls}, whose ratio is the mean wait
 * per borrow, and {@code exhaustedErrors}, borrows that timed out.
 *
 * <p>{@link #pool} is a {@link PoolProfile} spec with {@code ;} between its parts (JMH splits
 * {@code -p} values on commas): {@code -p pool=recommended;maxActive=300}.
 *
 * <p>How to run: {@code java -jar target/queuebench.jar jmh PoolBenchmarks -p pool=emergency -t 100
 * -prof dev.queuebench.jmh.RedisServerProfiler}; expect throughput flat across profiles, and at -t 100
 * emergency's borrow wait and p99 well above recommended's.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PoolBenchmarks {
    @Param({"current", "emergency", "recommended", "custom;maxActive=8;maxIdle=2"})
    public String pool;

    RedisClient redis;
    Pool<Connection> connections;
    // The protocol only picks reply decoders; an EVALSHA reply decodes the same under RESP2 and RESP3.
    final CommandObjects commands = new CommandObjects(RedisProtocol.RESP2);
    final ScriptWorkload admission = ScriptWorkload.of(QueueScript.ADMISSION_BUCKET);

    @Setup(Level.Trial)
    public void connect() {
        // Here, not in the teardown: a trial's teardown runs inside its last measured iteration, and the
        // cleanup's SCANs would count as the benchmark's server cost. queuebench jmh cleans up at the end.
        KeyCleanup.removeBenchmarkKeys();
        redis = BenchmarkTarget.pooledClient(profile(pool), "queuebench-jmh-pool");
        new ScriptExecutor(redis).loadAll();
        connections = redis.getPool();
        commands.setKeyArgumentPreProcessor(new PrefixedKeyArgumentPreProcessor(BenchmarkTarget.KEY_PREFIX));
    }

    static PoolProfile profile(String spec) {
        return PoolProfile.parse(spec.replace(';', ','));
    }

    @TearDown(Level.Trial)
    public void close() {
        redis.close();
    }

    /** Borrow waits and pool exhaustion, per thread, reset every iteration; JMH sums them over threads. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class PoolCounters {
        public long borrowWaitMicros;
        public long exhaustedErrors;
        public long calls;

        @Setup(Level.Iteration)
        public void reset() {
            borrowWaitMicros = 0;
            exhaustedErrors = 0;
            calls = 0;
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    public Object evalshaThroughPool(PoolCounters counters) {
        ScriptCall next = admission.nextCall(KeySpread.HOT, "");
        CommandObject<Object> call = commands.evalsha(QueueScript.ADMISSION_BUCKET.sha1(), next.keys(), next.args());
        // JMH times the whole call; the share spent waiting for a pooled connection is a secondary
        // result (@AuxCounters) that only the caller can see, so it is timed here.
        long borrowStartNanos = System.nanoTime();
        Connection connection;
        try {
            connection = connections.getResource();
        } catch (JedisException exhausted) {
            counters.exhaustedErrors++;
            return exhausted;
        } finally {
            counters.borrowWaitMicros += (System.nanoTime() - borrowStartNanos) / 1_000;
        }
        counters.calls++;
        try (connection) {
            return connection.executeCommand(call);
        }
    }
}
