package dev.queuebench.jmh;

import dev.queuebench.bench.BenchmarkTarget;
import dev.queuebench.bench.KeyCleanup;
import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.QueueScript;
import dev.queuebench.redis.ScriptExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/**
 * What does connection growth cost the server? (16 gateway pods × 60 connections was 960 at 10k
 * requests/s; the linear plan expects 2,874 at 30k.)
 *
 * <p>Hypothesis: idle connections cost Redis memory (about 20 KB each for buffers) but little CPU, because
 * its event loop only wakes for sockets with data; so throughput and latency of the same script should
 * barely move from 100 to 3,000 idle connections. A drop would show per-connection work (client list
 * walks, timeouts checked in {@code clientsCron}).
 *
 * <p>The trial opens {@link #idleConnections} connections (each authenticated and PINGed, as a pool's would
 * be) and leaves them idle, then measures the admission bucket's EVALSHA on a hot key through a
 * {@code recommended} pool. The file-descriptor limit and Redis's {@code maxclients} are checked first,
 * with what to change in the message.
 *
 * <p>How to run: {@code java -jar target/queuebench.jar jmh ConnectionCountBenchmarks -t 4
 * -prof dev.queuebench.jmh.RedisServerProfiler}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConnectionCountBenchmarks {
    @Param({"100", "1000", "3000"})
    public int idleConnections;

    final List<Jedis> idle = new ArrayList<>();
    RedisClient redis;
    ScriptExecutor executor;

    @Setup(Level.Trial)
    public void openConnections() {
        // Here, not in the teardown: a trial's teardown runs inside its last measured iteration, and the
        // cleanup's SCANs would count as the benchmark's server cost. queuebench jmh cleans up at the end.
        KeyCleanup.removeBenchmarkKeys();
        ConnectionLimits.check(idleConnections);
        for (int i = 0; i < idleConnections; i++) {
            idle.add(BenchmarkTarget.adminConnection());
        }
        redis = BenchmarkTarget.pooledClient(PoolProfile.parse(PoolProfile.RECOMMENDED), "queuebench-jmh-connections");
        executor = new ScriptExecutor(redis);
        executor.loadAll();
    }

    @TearDown(Level.Trial)
    public void closeConnections() {
        idle.forEach(Jedis::close);
        idle.clear();
        redis.close();
    }

    /** A fresh call each time: the bucket's "now" must move, as the gateway's does. */
    @State(Scope.Thread)
    public static class NextCall {
        final ScriptWorkload workload = ScriptWorkload.of(QueueScript.ADMISSION_BUCKET);
    }

    @Benchmark
    public Object evalshaWithIdleConnections(NextCall next) {
        ScriptCall nextCall = next.workload.nextCall(KeySpread.HOT, "");
        return executor.evalsha(QueueScript.ADMISSION_BUCKET, nextCall.keys(), nextCall.args());
    }
}
