package dev.queuebench.plan;

import dev.queuebench.redis.PoolProfile;

/**
 * What the user asks the plan for.
 *
 * @param targetRps     total requests per second to plan for
 * @param headroom      share of every resource kept free at the target (0.3 = stay under 70%)
 * @param pods          gateway pods, each with its own pool
 * @param pool          the pool profile each pod uses (its maxActive bounds the connections)
 * @param residenceSec  how long a joined user's state lives in Redis (Little's law: users resident =
 *                      join rate × residence); default the queue data's 30-minute TTL
 */
public record PlanRequest(double targetRps, double headroom, int pods, PoolProfile pool, int residenceSec) {
    public static final double DEFAULT_HEADROOM = 0.3;
    public static final int DEFAULT_PODS = 16;
    public static final int DEFAULT_RESIDENCE_SEC = 1_800;

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
    }

    public double maxUtilisationPct() {
        return 100 * (1 - headroom);
    }
}
