package dev.queuebench.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One Redis Sentinel watching a replication group's primary (quorum 1: it alone decides, enough for a
 * drill on one machine), started from the same redis-server binary with {@code --sentinel}. It promotes
 * the replica on {@link #failover()} ({@code SENTINEL FAILOVER}: no agreement needed, the old primary is
 * made a replica of the new one), and on its own when the primary is down for
 * {@value #DOWN_AFTER_MILLIS} ms.
 */
final class GroupSentinel implements AutoCloseable {
    static final String MASTER_NAME = "queuebench";
    static final int DOWN_AFTER_MILLIS = 2_000;
    private static final int FAILOVER_TIMEOUT_MILLIS = 10_000;
    private static final int ADMIN_TIMEOUT_MILLIS = 2_000;
    private static final long READY_TIMEOUT_MILLIS = 20_000;

    private final ServerProcess process;
    private final RedisEndpoint endpoint;

    private GroupSentinel(ServerProcess process, int port) {
        this.process = process;
        this.endpoint = RedisEndpoint.local(EmbeddedRedis.HOST, port, false, null);
    }

    /** Starts a Sentinel for the primary on {@code primaryPort} and waits until it knows a healthy replica. */
    static GroupSentinel start(Path redisServer, Path directory, int primaryPort) {
        int port = FreePorts.loopback();
        Path config = directory.resolve("sentinel.conf");
        try {
            Files.writeString(config, String.join("\n",
                    "port " + port,
                    "bind " + EmbeddedRedis.HOST,
                    "dir " + directory,
                    "sentinel monitor " + MASTER_NAME + " " + EmbeddedRedis.HOST + " " + primaryPort + " 1",
                    "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MILLIS,
                    "sentinel failover-timeout " + MASTER_NAME + " " + FAILOVER_TIMEOUT_MILLIS,
                    "sentinel parallel-syncs " + MASTER_NAME + " 1",
                    ""), StandardCharsets.UTF_8);
            ServerProcess process = ServerProcess.launch(List.of(redisServer.toString(), config.toString(),
                    "--sentinel"), directory.resolve("sentinel.log"));
            GroupSentinel sentinel = new GroupSentinel(process, port);
            try {
                sentinel.awaitHealthyReplica();
            } catch (RuntimeException e) {
                process.stop();
                throw e;
            }
            return sentinel;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Redis Sentinel (" + redisServer + "): " + e.getMessage(), e);
        }
    }

    private void awaitHealthyReplica() {
        long deadlineNanos = System.nanoTime() + READY_TIMEOUT_MILLIS * 1_000_000;
        String last = "no answer yet";
        while (System.nanoTime() < deadlineNanos) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Redis Sentinel exited while starting. Its last output:\n"
                        + process.outputTail());
            }
            try (Jedis admin = RedisClients.single(endpoint, null, ADMIN_TIMEOUT_MILLIS)) {
                List<Map<String, String>> replicas = admin.sentinelReplicas(MASTER_NAME);
                if (replicas.stream().anyMatch(GroupSentinel::healthy)) {
                    return;
                }
                last = "replicas known: " + replicas.size();
            } catch (JedisException e) {
                last = e.getMessage();
            }
            Sleeps.millis(100);
        }
        process.stop();
        throw new IllegalStateException("Redis Sentinel did not see a healthy replica within " + READY_TIMEOUT_MILLIS
                + " ms (" + last + "). Its last output:\n" + process.outputTail());
    }

    private static boolean healthy(Map<String, String> replica) {
        String flags = replica.getOrDefault("flags", "");
        return flags.equals("slave") && "ok".equals(replica.get("master-link-status"));
    }

    /** The port of the node Sentinel holds for primary now. */
    int primaryPort() {
        try (Jedis admin = RedisClients.single(endpoint, null, ADMIN_TIMEOUT_MILLIS)) {
            List<String> address = admin.sentinelGetMasterAddrByName(MASTER_NAME);
            return Integer.parseInt(address.get(1));
        }
    }

    /**
     * Asks for a failover now. Sentinel answers before it is done: the caller waits for the new primary.
     * A replica not yet fit to be promoted ({@code NOGOODSLAVE}) is waited for up to 10 s.
     */
    void failover() {
        long deadlineNanos = System.nanoTime() + FAILOVER_TIMEOUT_MILLIS * 1_000_000L;
        while (true) {
            try (Jedis admin = RedisClients.single(endpoint, null, ADMIN_TIMEOUT_MILLIS)) {
                admin.sentinelFailover(MASTER_NAME);
                return;
            } catch (JedisException e) {
                boolean retry = e.getMessage() != null && e.getMessage().startsWith("NOGOODSLAVE");
                if (!retry || System.nanoTime() > deadlineNanos) {
                    throw new IllegalStateException("Sentinel refused the failover: " + e.getMessage()
                            + (retry ? " (no replica fit to be promoted: is it in sync?)" : ""), e);
                }
                Sleeps.millis(200);
            }
        }
    }

    String outputTail() {
        return process.outputTail();
    }

    @Override
    public void close() {
        process.stop();
    }
}
