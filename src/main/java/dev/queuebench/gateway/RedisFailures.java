package dev.queuebench.gateway;

import java.util.NoSuchElementException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tells a Redis outage (answer 503 and recover by itself when Redis is back) from a bug (answer 500).
 * An outage is a broken or refused connection, an exhausted connection pool, or a server that is
 * loading its data or was demoted to a replica in a failover.
 */
final class RedisFailures {
    private RedisFailures() {
    }

    /** The client-facing reason when {@code failure} is an outage, or null when it is not. */
    static String outageReason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JedisConnectionException) {
                return "Redis is unreachable; retry shortly";
            }
            if (cause instanceof NoSuchElementException && failure instanceof JedisException) {
                return "no Redis connection free in the pool; retry shortly";
            }
            if (cause instanceof JedisDataException && cause.getMessage() != null
                    && (cause.getMessage().startsWith("LOADING") || cause.getMessage().startsWith("READONLY")
                            || cause.getMessage().startsWith("MASTERDOWN"))) {
                return "Redis is failing over or loading; retry shortly";
            }
        }
        return null;
    }

    /**
     * What kind of outage {@code failure} is, for the gateway's log: {@code connect-timeout},
     * {@code read-timeout}, {@code connection-refused}, {@code connection-broken}, {@code pool-exhausted},
     * {@code readonly}, {@code loading}, {@code masterdown}; null when it is no outage.
     */
    static String outageCause(Throwable failure) {
        if (outageReason(failure) == null) {
            return null;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof java.net.SocketTimeoutException) {
                return message.contains("connect") ? "connect-timeout" : "read-timeout";
            }
            if (cause instanceof java.net.ConnectException) {
                return "connection-refused";
            }
            if (cause instanceof NoSuchElementException) {
                return "pool-exhausted";
            }
            if (cause instanceof JedisDataException) {
                return message.startsWith("READONLY") ? "readonly" : message.startsWith("LOADING") ? "loading"
                        : "masterdown";
            }
        }
        return "connection-broken";
    }
}
