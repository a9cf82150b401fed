package dev.queuebench.jmh;

import dev.queuebench.redis.QueueScript;
import redis.clients.jedis.UnifiedJedis;

/**
 * One Lua script and the same work done without it, so that the cost of atomicity and of round trips
 * can be measured apart. Every implementation documents the commands of each form.
 *
 * <ul>
 *   <li>{@link #nextCall}: the KEYS and ARGV of one call, as the gateway would pass them.</li>
 *   <li>{@link #prepare}: state the call needs that the gateway would already have (untimed).</li>
 *   <li>{@link #asCommands}: the script's commands sent one round trip each, the decisions made in Java.</li>
 *   <li>{@link #asPipelines}: the same commands in as few round trips as the data allow: one pipeline for
 *       the reads, one for the writes that depend on them. Neither form is atomic: that is what the script
 *       buys.</li>
 * </ul>
 */
public interface ScriptWorkload {
    ScriptCall nextCall(KeySpread spread, String uniqueId);

    default void prepare(UnifiedJedis redis, ScriptCall call) {
    }

    Object asCommands(UnifiedJedis redis, ScriptCall call);

    Object asPipelines(UnifiedJedis redis, ScriptCall call);

    static ScriptWorkload of(QueueScript script) {
        return switch (script) {
            case ENQUEUE -> new EnqueueWorkload();
            case ADMISSION_BUCKET -> new AdmissionBucketWorkload();
            case RATE_LIMIT_BUCKET -> new RateLimitBucketWorkload();
            case SEAT_HOLD -> new SeatHoldWorkload();
            case SEAT_RELEASE -> new SeatReleaseWorkload();
        };
    }
}
