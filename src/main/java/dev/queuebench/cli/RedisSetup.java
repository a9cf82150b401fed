package dev.queuebench.cli;

import dev.queuebench.redis.EmbeddedRedis;
import dev.queuebench.redis.EmbeddedReplicationGroup;
import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.redis.RedisEndpoint;
import dev.queuebench.redis.RedisTls;
import picocli.CommandLine;
import redis.clients.jedis.RedisClient;

/**
 * The Redis a verb works against: the embedded one (with a replica when asked) or the endpoints the
 * user gave, with their pooled clients. Closing it closes the clients and stops what it started.
 */
final class RedisSetup implements AutoCloseable {
    private final EmbeddedRedis embeddedPrimary;
    private final EmbeddedRedis embeddedReplica;
    private EmbeddedReplicationGroup embeddedGroup;
    private final RedisEndpoint primaryEndpoint;
    private final RedisEndpoint readerEndpoint;
    private final RedisClient primary;
    private final RedisClient reader;
    private boolean closed;

    private RedisSetup(EmbeddedRedis embeddedPrimary, EmbeddedRedis embeddedReplica, RedisEndpoint primaryEndpoint,
            RedisEndpoint readerEndpoint, RedisClient primary, RedisClient reader) {
        this.embeddedPrimary = embeddedPrimary;
        this.embeddedReplica = embeddedReplica;
        this.primaryEndpoint = primaryEndpoint;
        this.readerEndpoint = readerEndpoint;
        this.primary = primary;
        this.reader = reader;
    }

    static RedisSetup open(RedisOptions options, boolean withReplica, PoolProfile pool, RedisTls tls) {
        return open(options, withReplica, pool, tls, true);
    }

    /**
     * @param stopOnJvmExit false when the caller's own shutdown hook closes this setup (see
     *                      {@link EmbeddedRedis.Builder#stopOnJvmExit})
     */
    static RedisSetup open(RedisOptions options, boolean withReplica, PoolProfile pool, RedisTls tls,
            boolean stopOnJvmExit) {
        if (!options.embedded() && withReplica) {
            throw new CommandLine.ParameterException(new CommandLine(options),
                    "--replica starts an embedded replica; with --redis, give the replica's endpoint as --reader");
        }
        EmbeddedRedis embeddedPrimary = null;
        EmbeddedRedis embeddedReplica = null;
        RedisClient primary = null;
        try {
            RedisEndpoint primaryEndpoint;
            RedisEndpoint readerEndpoint;
            if (options.embedded()) {
                embeddedPrimary = EmbeddedRedis.builder().stopOnJvmExit(stopOnJvmExit).start();
                primaryEndpoint = embeddedPrimary.endpoint();
                if (withReplica) {
                    embeddedReplica = EmbeddedRedis.builder().replicaOf(embeddedPrimary).stopOnJvmExit(stopOnJvmExit)
                            .start();
                    embeddedReplica.waitForSync();
                    readerEndpoint = embeddedReplica.endpoint();
                } else {
                    readerEndpoint = options.readerEndpoint();
                }
            } else {
                primaryEndpoint = options.primaryEndpoint();
                readerEndpoint = options.readerEndpoint();
            }
            primary = RedisClients.open(primaryEndpoint, pool, tls, "queuebench-gateway");
            RedisClient reader = readerEndpoint == null ? null
                    : RedisClients.open(readerEndpoint, pool, tls, "queuebench-gateway-reader");
            return new RedisSetup(embeddedPrimary, embeddedReplica, primaryEndpoint, readerEndpoint, primary, reader);
        } catch (RuntimeException e) {
            if (primary != null) {
                primary.close();
            }
            if (embeddedReplica != null) {
                embeddedReplica.close();
            }
            if (embeddedPrimary != null) {
                embeddedPrimary.close();
            }
            throw e;
        }
    }

    /**
     * The embedded replication group (primary, replica, Sentinel, HAProxy as the primary endpoint) that a
     * failover drill needs; the gateway's client connects to the endpoint only.
     */
    static RedisSetup openReplicationGroup(PoolProfile pool, boolean stopOnJvmExit) {
        EmbeddedReplicationGroup group = EmbeddedReplicationGroup.start(stopOnJvmExit);
        try {
            RedisClient primary = RedisClients.open(group.primaryEndpoint(), pool, null, "queuebench-gateway");
            RedisSetup setup = new RedisSetup(null, null, group.primaryEndpoint(), null, primary, null);
            setup.embeddedGroup = group;
            return setup;
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    /** The embedded replication group this setup started, or null. */
    EmbeddedReplicationGroup embeddedGroup() {
        return embeddedGroup;
    }

    /** The embedded primary this setup started, or null for an outside Redis. */
    EmbeddedRedis embeddedPrimary() {
        return embeddedPrimary;
    }

    RedisClient primary() {
        return primary;
    }

    /** The reader's client, or null when status reads go to the primary. */
    RedisClient reader() {
        return reader;
    }

    RedisEndpoint primaryEndpoint() {
        return primaryEndpoint;
    }

    /** The reader endpoint (the embedded replica or --reader), or null. */
    RedisEndpoint readerEndpoint() {
        return readerEndpoint;
    }

    String describePrimary() {
        if (embeddedGroup != null) {
            return primaryEndpoint.redacted() + " (embedded " + embeddedGroup.describe() + ")";
        }
        return describe(primaryEndpoint, embeddedPrimary);
    }

    String describeReader() {
        return describe(readerEndpoint, embeddedReplica);
    }

    private static String describe(RedisEndpoint endpoint, EmbeddedRedis embedded) {
        if (embedded == null) {
            return endpoint.redacted();
        }
        return endpoint.redacted() + " (embedded redis-server " + embedded.version() + ", "
                + embedded.binarySource() + ")";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (reader != null) {
            reader.close();
        }
        primary.close();
        if (embeddedReplica != null) {
            embeddedReplica.close();
        }
        if (embeddedPrimary != null) {
            embeddedPrimary.close();
        }
        if (embeddedGroup != null) {
            embeddedGroup.close();
        }
    }
}
