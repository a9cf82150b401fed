package dev.queuebench.plan;

import dev.queuebench.redis.PoolProfile;

/**
 * What the user asks the plan for.
 *
 * @param targetRps         total requests per second to plan for
 * @param headroom          share of every resource kept free at the target (0.3 = stay under 70%)
 * @param pods              gateway pods, each with its own pool
 * @param pool              the pool profile each pod uses (its maxActive bounds the connections)
 * @param residenceSec      how long a joined user's state lives in Redis (Little's law: users resident =
 *                          join rate × residence); default the queue data's 30-minute TTL
 * @param engine            the engine whose price column is used
 * @param replicas          read replicas beside the primary: the group costs (1 + replicas) nodes
 * @param serverTimeoutSec  the server's {@code timeout} (idle client connections closed after it; 0 never)
 */
public record PlanRequest(double targetRps, double headroom, int pods, PoolProfile pool, int residenceSec,
        Engine engine, int replicas, int serverTimeoutSec) {
    public static final double DEFAULT_HEADROOM = 0.3;
    public static final int DEFAULT_PODS = 16;
    public static final int DEFAULT_RESIDENCE_SEC = 1_800;
    /** The team runs a primary and one replica. */
    public static final int DEFAULT_REPLICAS = 1;
    /** ElastiCache's limit of read replicas per shard. */
    public static final int MAX_REPLICAS = 5;
    /** The capacity plan's Redis setting {@code timeout 300}. */
    public static final int DEFAULT_SERVER_TIMEOUT_SEC = 300;

    public PlanRequest {
        if (!(targetRps > 0)) {
            throw new IllegalArgumentException("--target-rps must be above 0, was " + targetRps);
        }
        if (!(headroom >= 0 && headroom < 1)) {
            throw new IllegalArgumentException("--headroom must be in [0, 1), e.g. 0.3 to stay under 70%, was " + headroom);
        }
        if (pods < 1) {
            throw new IllegalArgumentException("--pods must be at least 1, was " + pods);
        }
        if (residenceSec < 1) {
            throw new IllegalArgumentException("--residence-sec must be at least 1, was " + residenceSec);
        }
        if (replicas < 0 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("--replicas must be between 0 and " + MAX_REPLICAS
                    + " (ElastiCache's limit per shard), was " + replicas);
        }
        if (serverTimeoutSec < 0) {
            throw new IllegalArgumentException("--server-timeout-sec must be at least 0 (0: never), was "
                    + serverTimeoutSec);
        }
    }

    public double maxUtilisationPct() {
        return 100 * (1 - headroom);
    }

    /** The primary and its replicas. */
    public int nodesPerGroup() {
        return 1 + replicas;
    }
}
