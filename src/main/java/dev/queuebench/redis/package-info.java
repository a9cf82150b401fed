/**
 * Everything that talks to Redis, shared by the gateway, the benchmarks and the samplers.
 *
 * <ul>
 *   <li>{@link dev.queuebench.redis.RedisEndpoint}: a parsed {@code redis://} / {@code rediss://} URL
 *       whose password never reaches a log line.
 *   <li>{@link dev.queuebench.redis.PoolProfile}: the capacity plan's pool settings (go-redis terms)
 *       mapped onto Jedis's commons-pool2 pool.
 *   <li>{@link dev.queuebench.redis.RedisTls}: whom a {@code rediss://} client trusts.
 *   <li>{@link dev.queuebench.redis.RedisClients}: opens pooled and single clients with all of the above.
 *   <li>{@link dev.queuebench.redis.QueueScript} and {@link dev.queuebench.redis.ScriptExecutor}: the
 *       queue's Lua scripts (files under {@code lua/}) and EVALSHA with reload on NOSCRIPT.
 *   <li>{@link dev.queuebench.redis.EmbeddedRedis}: a private redis-server for tests and trials.
 * </ul>
 */
package dev.queuebench.redis;
