package dev.queuebench.redis;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tells when a primary endpoint leads to another node: the redis-server process that answers a new
 * connection to it ({@code run_id}) is another one, and it is primary. What a client of ElastiCache's
 * primary endpoint sees when a failover is over, whatever the provider's own steps took.
 */
public final class PrimaryEndpointWatch {
    private static final int PROBE_TIMEOUT_MILLIS = 2_000;
    private static final long POLL_MILLIS = 500;

    private PrimaryEndpointWatch() {
    }

    /** The {@code run_id} of the process the endpoint leads to now, or null when it does not answer. */
    public static String runId(RedisEndpoint endpoint, RedisTls tls) {
        try (Jedis probe = RedisClients.single(endpoint, tls, PROBE_TIMEOUT_MILLIS)) {
            return InfoFields.get(probe.info("server"), "run_id").orElse(null);
        } catch (JedisException e) {
            return null;
        }
    }

    /**
     * Waits until a new connection to the endpoint reaches a primary other than {@code runIdBefore}.
     *
     * @return milliseconds waited
     * @throws IllegalStateException when it has not within {@code timeoutMillis}
     */
    public static long awaitAnotherPrimary(RedisEndpoint endpoint, RedisTls tls, String runIdBefore,
            long timeoutMillis) {
        long startNanos = System.nanoTime();
        while (true) {
            try (Jedis probe = RedisClients.single(endpoint, tls, PROBE_TIMEOUT_MILLIS)) {
                String runId = InfoFields.get(probe.info("server"), "run_id").orElse("");
                boolean primary = InfoFields.get(probe.info("replication"), "role").filter("master"::equals)
                        .isPresent();
                if (primary && !runId.equals(runIdBefore)) {
                    return (System.nanoTime() - startNanos) / 1_000_000;
                }
            } catch (JedisException notNow) {
                // Mid-failover: the endpoint may refuse or drop connections for a while.
            }
            if (System.nanoTime() - startNanos > timeoutMillis * 1_000_000) {
                throw new IllegalStateException("the primary endpoint " + endpoint.redacted() + " still leads to the "
                        + "same node " + timeoutMillis / 1000 + " s after the failover was asked for; see the group's "
                        + "events (queuebench events fetch) for what ElastiCache did");
            }
            Sleeps.millis(POLL_MILLIS);
        }
    }
}
