package dev.queuebench.redis;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Runs {@link QueueScript}s with EVALSHA, loading a script only when Redis does not have it.
 *
 * <p>EVALSHA uses the locally computed SHA-1, so the common case is one round trip. Redis forgets
 * its script cache on SCRIPT FLUSH, on a restart and after a failover to a replica that never saw
 * the script; the reply is then {@code NOSCRIPT}, and this class runs SCRIPT LOAD (checking that
 * Redis's SHA-1 equals ours) and retries the EVALSHA once. The caller sees only the script's reply.
 *
 * <p>Thread-safe: one per client, shared by all threads that use that client.
 */
public final class ScriptExecutor {
    private final UnifiedJedis redis;
    private final AtomicLong reloadCount = new AtomicLong();

    public ScriptExecutor(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /**
     * EVALSHA {@code script}, loading it first when Redis answers NOSCRIPT.
     *
     * @return the script's reply as Jedis decodes it: {@code Long} for integers, {@code String} for
     *     bulk strings, {@code List<Object>} for arrays
     * @throws redis.clients.jedis.exceptions.JedisDataException for an error the script raised
     */
    public Object evalsha(QueueScript script, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(script.sha1(), keys, args);
        } catch (JedisNoScriptException e) {
            load(script);
            reloadCount.incrementAndGet();
            return redis.evalsha(script.sha1(), keys, args);
        }
    }

    /** SCRIPT LOAD every script: warms the cache so the first requests need no reload. */
    public void loadAll() {
        for (QueueScript script : QueueScript.values()) {
            load(script);
        }
    }

    /** How many times a NOSCRIPT reply made this executor load a script again (loadAll not counted). */
    public long reloadCount() {
        return reloadCount.get();
    }

    private void load(QueueScript script) {
        String sha1 = redis.scriptLoad(script.source());
        if (!script.sha1().equals(sha1)) {
            throw new IllegalStateException("Redis returned SHA-1 " + sha1 + " for " + script.fileName()
                    + " but the local SHA-1 is " + script.sha1()
                    + ": the script text was altered in transit (a proxy rewriting commands?)");
        }
    }
}
