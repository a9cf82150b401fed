package dev.queuebench.jmh;

import dev.queuebench.bench.BenchmarkTarget;
import dev.queuebench.bench.KeyCleanup;
import dev.queuebench.gateway.EnterOperation;
import dev.queuebench.gateway.GatewaySettings;
import dev.queuebench.gateway.JoinOperation;
import dev.queuebench.gateway.QueueStore;
import dev.queuebench.gateway.RateLimiter;
import dev.queuebench.gateway.StatusOperation;
import dev.queuebench.redis.PoolProfile;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * What is the Redis cost of one join, one status poll and one enter?
 *
 * <p>Each method runs the reference gateway's own operation classes ({@link JoinOperation},
 * {@link StatusOperation}, {@link EnterOperation}) after its rate-limit middleware ({@link RateLimiter}),
 * so the round trips and commands are exactly the gateway's (README, "The reference gateway"). Keys get
 * the benchmark prefix from the client, not from the gateway.
 *
 * <p>Hypothesis: cost follows round trips: status (7 with the rate limit) and enter (5) are dearer than
 * join (3 on the request path, plus 3 follow-up commands, run inline here so that their Redis cost is
 * counted); per-op server CPU is highest for join (a stream and two sorted sets written).
 *
 * <ul>
 *   <li>{@code join}: a new user on an event chosen by {@link #keys}.</li>
 *   <li>{@code status}: polls, round-robin, {@value #WAITING_USERS} users joined at setup.</li>
 *   <li>{@code enter}: admits the user at position {@value #ENTER_POSITION} of the thread's own event (past the
 *       10 positions that bypass the admission bucket, so the bucket script runs, as for most users). An
 *       untimed setup joins one user per call to keep the queue's length; the server-side counters include
 *       that join, so subtract the {@code join} row from enter's commands and CPU per operation. The
 *       bucket is sized never to run dry: a refused enter would measure the 403 path instead. {@link #keys}
 *       does not apply: each thread admits from its own event, so threads do not take each other's users.</li>
 * </ul>
 *
 * <p>How to run: {@code java -jar target/queuebench.jar jmh EndpointBenchmarks -prof dev.queuebench.jmh.RedisServerProfiler}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EndpointBenchmarks {
    static final int WAITING_USERS = 1_000;
    static final int ENTER_POSITION = 21;
    /** Users joined ahead of the admitted one, so its position stays {@value #ENTER_POSITION}. */
    static final int ENTER_QUEUE_LENGTH = 40;
    /** Enter needs users who waited at least 5 s; joining them with a clock this far back makes them so. */
    static final Duration JOINED_AGO = Duration.ofMinutes(1);
    static final int UNLIMITED_BUCKET_TOKENS = 1_000_000_000;

    @Param({"HOT", "SPREAD"})
    public KeySpread keys;

    RedisClient redis;
    JoinOperation join;
    JoinOperation joinInThePast;
    StatusOperation status;
    EnterOperation enter;
    RateLimiter rateLimiter;
    final List<String> waitingTokens = new ArrayList<>();
    final AtomicLong userSequence = new AtomicLong();
    final AtomicInteger threadSequence = new AtomicInteger();

    @Setup(Level.Trial)
    public void connect() {
        // Here, not in the teardown: a trial's teardown runs inside its last measured iteration, and the
        // cleanup's SCANs would count as the benchmark's server cost. queuebench jmh cleans up at the end.
        KeyCleanup.removeBenchmarkKeys();
        redis = BenchmarkTarget.pooledClient(PoolProfile.parse(PoolProfile.RECOMMENDED), "queuebench-jmh-endpoints");
        GatewaySettings settings = GatewaySettings.defaults()
                .withAdmissionBucket(UNLIMITED_BUCKET_TOKENS, UNLIMITED_BUCKET_TOKENS);
        QueueStore store = new QueueStore(redis, null, settings, Clock.systemUTC());
        QueueStore pastStore = new QueueStore(redis, null, settings, Clock.offset(Clock.systemUTC(), JOINED_AGO.negated()));
        store.scripts().loadAll();
        // The follow-up runs inline: its three commands are part of a join's Redis cost.
        join = new JoinOperation(store, Runnable::run);
        joinInThePast = new JoinOperation(pastStore, Runnable::run);
        status = new StatusOperation(store);
        enter = new EnterOperation(store);
        rateLimiter = new RateLimiter(store);
        for (int i = 0; i < WAITING_USERS; i++) {
            waitingTokens.add(joinInThePast.join(keys.pick("evt"), nextUser(), null).waitingToken());
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        redis.close();
    }

    String nextUser() {
        return "user-" + userSequence.incrementAndGet();
    }

    /** Each thread's client address (its rate-limit bucket) and its round-robin place among waiting users. */
    @State(Scope.Thread)
    public static class Caller {
        String clientAddress;
        int nextWaiting;

        @Setup(Level.Trial)
        public void name(EndpointBenchmarks shared) {
            int thread = shared.threadSequence.incrementAndGet();
            clientAddress = "10.0.0." + thread;
            nextWaiting = thread * 997;
        }
    }

    /** A thread's own event with {@value #ENTER_QUEUE_LENGTH} waiting users; one joins per enter. */
    @State(Scope.Thread)
    public static class EnterQueue {
        final Deque<String> ahead = new ArrayDeque<>();
        final Deque<String> behind = new ArrayDeque<>();
        String eventId;
        String nextToken;

        @Setup(Level.Trial)
        public void fill(EndpointBenchmarks shared) {
            eventId = "evt-enter-" + shared.threadSequence.incrementAndGet();
            for (int i = 0; i < ENTER_QUEUE_LENGTH; i++) {
                String token = shared.joinInThePast.join(eventId, shared.nextUser(), null).waitingToken();
                (ahead.size() < ENTER_POSITION - 1 ? ahead : behind).addLast(token);
            }
        }

        /** Keeps {@value #ENTER_POSITION} - 1 users ahead of the next one admitted. */
        @Setup(Level.Invocation)
        public void nextUser(EndpointBenchmarks shared) {
            behind.addLast(shared.joinInThePast.join(eventId, shared.nextUser(), null).waitingToken());
            nextToken = behind.pollFirst();
        }
    }

    @Benchmark
    public Object join(Caller caller) {
        rateLimiter.check(caller.clientAddress);
        return join.join(keys.pick("evt"), nextUser(), null);
    }

    @Benchmark
    public Object status(Caller caller) {
        rateLimiter.check(caller.clientAddress);
        caller.nextWaiting = (caller.nextWaiting + 1) % waitingTokens.size();
        return status.status(waitingTokens.get(caller.nextWaiting));
    }

    @Benchmark
    public Object enter(Caller caller, EnterQueue queue) {
        rateLimiter.check(caller.clientAddress);
        return enter.enter(queue.nextToken);
    }
}
