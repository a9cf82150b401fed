package dev.queuebench.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A local stand-in for an ElastiCache Multi-AZ replication group, for failover drills: two embedded
 * redis-servers (primary and replica), a {@link GroupSentinel} that promotes the replica, and a
 * {@link PrimaryEndpointProxy} (HAProxy) as the primary endpoint that follows the primary and closes the
 * old primary's connections. Clients connect to {@link #primaryEndpoint()} only, as they would to the
 * group's primary endpoint: what they see through a {@link #failover()} is what ElastiCache's DNS move
 * and connection drop show them (the duration differs: ElastiCache's is AWS's, this one is Sentinel's
 * and HAProxy's check interval). Needs HAProxy ({@link HaproxyBinary}); no TLS, no password.
 */
public final class EmbeddedReplicationGroup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedReplicationGroup.class);
    private static final int ADMIN_TIMEOUT_MILLIS = 1_000;
    private static final long POLL_MILLIS = 20;

    /** What a failover did: from which node to which, and when the endpoint reached the new primary. */
    public record Failover(int fromPort, int toPort, long promotedAfterMillis, long endpointMovedAfterMillis) {
        public String describe() {
            return "primary " + EmbeddedRedis.HOST + ":" + fromPort + " -> " + EmbeddedRedis.HOST + ":" + toPort
                    + ", replica promoted after " + promotedAfterMillis + " ms, primary endpoint on it after "
                    + endpointMovedAfterMillis + " ms";
        }
    }

    private final EmbeddedRedis first;
    private final EmbeddedRedis second;
    private final Path directory;
    private final GroupSentinel sentinel;
    private final PrimaryEndpointProxy proxy;
    private boolean closed;

    private EmbeddedReplicationGroup(EmbeddedRedis first, EmbeddedRedis second, Path directory,
            GroupSentinel sentinel, PrimaryEndpointProxy proxy) {
        this.first = first;
        this.second = second;
        this.directory = directory;
        this.sentinel = sentinel;
        this.proxy = proxy;
    }

    /**
     * Starts the primary, its replica (in sync), the Sentinel and HAProxy.
     *
     * @param stopOnJvmExit as {@link EmbeddedRedis.Builder#stopOnJvmExit}; Sentinel and HAProxy stop with
     *                      the JVM in any case
     * @throws IllegalStateException when HAProxy is missing (saying how to install it) or a part does not start
     */
    public static EmbeddedReplicationGroup start(boolean stopOnJvmExit) {
        Path haproxy = HaproxyBinary.require("The failover drill's local replication group");
        EmbeddedRedis first = null;
        EmbeddedRedis second = null;
        Path directory = null;
        GroupSentinel sentinel = null;
        try {
            first = EmbeddedRedis.builder().stopOnJvmExit(stopOnJvmExit).start();
            second = EmbeddedRedis.builder().replicaOf(first).stopOnJvmExit(stopOnJvmExit).start();
            second.waitForSync();
            directory = Files.createTempDirectory("queuebench-group-");
            sentinel = GroupSentinel.start(first.binaryPath(), directory, first.port());
            PrimaryEndpointProxy proxy = PrimaryEndpointProxy.start(haproxy, directory, List.of(first.port(),
                    second.port()));
            EmbeddedReplicationGroup group = new EmbeddedReplicationGroup(first, second, directory, sentinel, proxy);
            group.awaitEndpointOn(first.port(), System.nanoTime(), 10_000);
            LOG.info("Started a replication group: primary {}, replica {}, Sentinel, HAProxy endpoint {}:{}",
                    first.port(), second.port(), EmbeddedRedis.HOST, proxy.port());
            return group;
        } catch (IOException e) {
            closeAll(sentinel, second, first, directory);
            throw new UncheckedIOException("Cannot create a working directory for the replication group: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAll(sentinel, second, first, directory);
            throw e;
        }
    }

    private static void closeAll(GroupSentinel sentinel, EmbeddedRedis second, EmbeddedRedis first, Path directory) {
        if (sentinel != null) {
            sentinel.close();
        }
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (directory != null) {
            Directories.deleteQuietly(directory);
        }
    }

    /** The primary endpoint (HAProxy): the only address clients use. */
    public RedisEndpoint primaryEndpoint() {
        return RedisEndpoint.local(EmbeddedRedis.HOST, proxy.port(), false, null);
    }

    /** The port of the node that is primary now, as Sentinel holds it. */
    public int primaryPort() {
        return sentinel.primaryPort();
    }

    /**
     * Promotes the replica and returns once the primary endpoint leads to it (a new connection through
     * it reaches the new primary). As soon as the replica reports itself primary, the old primary is made
     * its replica, as ElastiCache's control plane takes the old primary out at once; left to Sentinel,
     * the old primary would take writes (lost later) until its next INFO poll, up to 10 s.
     *
     * @throws IllegalStateException when Sentinel refuses or the endpoint has not moved within {@code timeoutMillis}
     */
    public synchronized Failover failover(long timeoutMillis) {
        long startNanos = System.nanoTime();
        int from = sentinel.primaryPort();
        EmbeddedRedis oldPrimary = first.port() == from ? first : second;
        EmbeddedRedis replica = oldPrimary == first ? second : first;
        sentinel.failover();
        while (!isPrimary(replica)) {
            checkTimeout(startNanos, timeoutMillis, "Sentinel did not promote the replica on port " + replica.port());
            Sleeps.millis(POLL_MILLIS);
        }
        long promotedMillis = (System.nanoTime() - startNanos) / 1_000_000;
        try (Jedis old = RedisClients.single(oldPrimary.endpoint(), null, ADMIN_TIMEOUT_MILLIS)) {
            old.replicaof(EmbeddedRedis.HOST, replica.port());
        } catch (JedisException e) {
            LOG.warn("Could not demote the old primary on port {} ({}); Sentinel will", oldPrimary.port(),
                    e.getMessage());
        }
        awaitEndpointOn(replica.port(), startNanos, timeoutMillis);
        return new Failover(from, replica.port(), promotedMillis, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static boolean isPrimary(EmbeddedRedis node) {
        try (Jedis admin = RedisClients.single(node.endpoint(), null, ADMIN_TIMEOUT_MILLIS)) {
            return InfoFields.get(admin.info("replication"), "role").filter("master"::equals).isPresent();
        } catch (JedisException e) {
            return false;
        }
    }

    private void awaitEndpointOn(int port, long startNanos, long timeoutMillis) {
        while (!endpointLeadsTo(port)) {
            checkTimeout(startNanos, timeoutMillis, "the primary endpoint did not reach the primary on port " + port);
            Sleeps.millis(POLL_MILLIS);
        }
    }

    private boolean endpointLeadsTo(int port) {
        try (Jedis probe = RedisClients.single(primaryEndpoint(), null, ADMIN_TIMEOUT_MILLIS)) {
            String server = probe.info("server");
            String replication = probe.info("replication");
            return InfoFields.get(server, "tcp_port").filter(String.valueOf(port)::equals).isPresent()
                    && InfoFields.get(replication, "role").filter("master"::equals).isPresent();
        } catch (JedisException e) {
            return false;
        }
    }

    private void checkTimeout(long startNanos, long timeoutMillis, String what) {
        if (System.nanoTime() - startNanos > timeoutMillis * 1_000_000) {
            throw new IllegalStateException(what + " within " + timeoutMillis + " ms. Sentinel's last output:\n"
                    + sentinel.outputTail() + "\nHAProxy's last output:\n" + proxy.outputTail());
        }
    }

    /** The redis-server version and where it came from, for the run's description of its target. */
    public String describe() {
        return "replication group: redis-server " + first.version() + " (" + first.binarySource() + ") on ports "
                + first.port() + " and " + second.port() + ", Sentinel, HAProxy primary endpoint";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        proxy.close();
        closeAll(sentinel, second, first, directory);
    }
}
