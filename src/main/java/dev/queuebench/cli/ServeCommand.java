package dev.queuebench.cli;

import dev.queuebench.gateway.GatewayServer;
import dev.queuebench.gateway.GatewaySettings;
import dev.queuebench.redis.EmbeddedRedis;
import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.redis.RedisEndpoint;
import dev.queuebench.redis.RedisTls;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import redis.clients.jedis.RedisClient;

/** {@code queuebench serve}: the reference queue gateway, on the embedded Redis unless told otherwise. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the reference queue gateway (join / status / enter / leave).",
            "Without --redis it starts an embedded Redis and serves on it until Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    RedisOptions redis;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port, 0 for a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--replica", description = "With the embedded Redis: start a replica too and read status from it.")
    boolean replica;

    @Option(names = "--worker-threads", defaultValue = "16",
            description = "Threads that wait on Redis (more than the pool's maxActive to study pool contention). "
                    + "Default: ${DEFAULT-VALUE}, the fastest on 2 cores.")
    int workerThreads;

    @Option(names = "--heartbeat-ttl-sec", defaultValue = "300",
            description = "Heartbeat TTL: a user who does not poll for this long is abandoned. Default: ${DEFAULT-VALUE}.")
    int heartbeatTtlSec;

    @Option(names = "--rate-limit-per-sec", defaultValue = "100000",
            description = "Rate-limit bucket per client address (capacity and refill); 0 turns the middleware off. "
                    + "Default: ${DEFAULT-VALUE}.")
    int rateLimitPerSec;

    @Override
    public Integer call() throws Exception {
        GatewaySettings settings = GatewaySettings.defaults()
                .withHeartbeatTtlSec(heartbeatTtlSec)
                .withRateLimit(rateLimitPerSec, rateLimitPerSec);
        PoolProfile pool = redis.pool();
        RedisTls tls = redis.tls();
        try (RedisSetup setup = RedisSetup.open(redis, replica, pool, tls);
                GatewayServer server = GatewayServer.start(
                        new GatewayServer.Options(host, port, Runtime.getRuntime().availableProcessors(),
                                workerThreads, 10_000),
                        setup.primary(), setup.reader(), settings)) {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                setup.close();
                stopped.countDown();
            }, "serve-shutdown"));
            String base = server.baseUrl();
            System.out.println("Queue gateway listening on " + base);
            System.out.println("  Redis primary: " + setup.describePrimary());
            if (setup.reader() != null) {
                System.out.println("  Redis reader:  " + setup.describeReader());
            }
            System.out.println("  Pool: " + pool);
            System.out.println("Try:");
            System.out.println("  curl -s -X POST " + base + "/api/v1/queue/join -H 'Content-Type: application/json'"
                    + " -d '{\"event_id\":\"evt1\",\"user_id\":\"u1\"}'");
            System.out.println("  curl -s '" + base + "/api/v1/queue/status?token=<waiting_token>'");
            System.out.println("  curl -s -X POST " + base + "/api/v1/queue/enter -d '{\"waiting_token\":\"<waiting_token>\"}'");
            System.out.println("Press Ctrl-C to stop.");
            stopped.await();
        }
        return QueuebenchCommand.EXIT_OK;
    }
}
