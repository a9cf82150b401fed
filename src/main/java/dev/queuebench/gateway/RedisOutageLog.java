package dev.queuebench.gateway;

import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's log of a Redis outage, as an operator reads it during a failover: one line when
 * requests start failing for want of Redis (and why: a connect or read timeout, a refused or broken
 * connection, an exhausted pool, a demoted primary), one line when a request succeeds again, with how
 * long it lasted and the 503s by cause. Nothing per request, so an outage at 30k requests/s does not
 * flood the log.
 */
final class RedisOutageLog {
    private static final Logger LOG = LoggerFactory.getLogger(RedisOutageLog.class);

    private final Map<String, Long> failuresByCause = new TreeMap<>();
    private volatile boolean inOutage;
    private long sinceMillis;

    /** A request answered 503 because of {@code failure}, an outage. */
    synchronized void failed(Throwable failure) {
        String cause = RedisFailures.outageCause(failure);
        if (!inOutage) {
            inOutage = true;
            sinceMillis = System.currentTimeMillis();
            failuresByCause.clear();
            LOG.warn("Redis unavailable ({}: {}); answering 503 REDIS_UNAVAILABLE until it answers again; the pool "
                    + "drops broken connections and opens new ones as requests need them", cause, rootMessage(failure));
        }
        failuresByCause.merge(cause, 1L, Long::sum);
    }

    /** A request got its answer from Redis. Cheap when there is no outage. */
    void succeeded() {
        if (!inOutage) {
            return;
        }
        synchronized (this) {
            if (!inOutage) {
                return;
            }
            inOutage = false;
            long total = failuresByCause.values().stream().mapToLong(Long::longValue).sum();
            LOG.warn("Redis answers again after {} ms of outage; {} requests answered 503, by cause {}",
                    System.currentTimeMillis() - sinceMillis, total, failuresByCause);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
