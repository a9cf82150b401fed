package dev.queuebench.redis;

import java.util.Objects;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Opens Jedis clients for a {@link RedisEndpoint}: credentials, database, TLS, timeouts, pool and
 * client name applied in one place. Both factories PING before returning, so a wrong host, password
 * or TLS setting fails here, with the endpoint (redacted) and what to check in the message, rather
 * than on the first request.
 */
public final class RedisClients {
    private RedisClients() {
    }

    /**
     * A pooled, thread-safe client.
     *
     * @param tls        trust for {@code rediss://}; null means {@link RedisTls#systemDefault()}
     * @param clientName shown by {@code CLIENT LIST}, so a connection can be traced to its pool; no spaces
     * @throws JedisException naming the redacted endpoint when the first PING fails
     */
    public static RedisClient open(RedisEndpoint endpoint, PoolProfile pool, RedisTls tls, String clientName) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(pool, "pool");
        JedisClientConfig config = clientConfig(endpoint, tls, pool.connectTimeoutMillis(),
                pool.socketTimeoutMillis(), clientName);
        RedisClient client = RedisClient.builder()
                .hostAndPort(endpoint.host(), endpoint.port())
                .clientConfig(config)
                .poolConfig(pool.toPoolConfig())
                .build();
        try {
            client.ping();
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw ConnectFailures.describe(endpoint, e);
        }
    }

    /**
     * One dedicated connection, outside any pool: for a sampler that polls INFO, or for admin
     * commands. Not thread-safe; close it when done.
     *
     * @param timeoutMillis connect and socket timeout
     * @throws JedisException naming the redacted endpoint when connecting or the first PING fails
     */
    public static Jedis single(RedisEndpoint endpoint, RedisTls tls, int timeoutMillis) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("timeoutMillis must be at least 1, got " + timeoutMillis);
        }
        // A lone Jedis speaks RESP2 only; saying so up front spares every connection a warning.
        JedisClientConfig config = DefaultJedisClientConfig.builder()
                .from(clientConfig(endpoint, tls, timeoutMillis, timeoutMillis, null))
                .autoNegotiateProtocol(false)
                .build();
        Jedis jedis = null;
        try {
            jedis = new Jedis(new HostAndPort(endpoint.host(), endpoint.port()), config);
            jedis.ping();
            return jedis;
        } catch (RuntimeException e) {
            if (jedis != null) {
                jedis.close();
            }
            throw ConnectFailures.describe(endpoint, e);
        }
    }

    static JedisClientConfig clientConfig(RedisEndpoint endpoint, RedisTls tls, int connectTimeoutMillis,
            int socketTimeoutMillis, String clientName) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(connectTimeoutMillis)
                .socketTimeoutMillis(socketTimeoutMillis)
                .database(endpoint.database());
        endpoint.user().ifPresent(config::user);
        if (endpoint.hasPassword()) {
            config.password(endpoint.password());
        }
        if (clientName != null) {
            if (clientName.isEmpty() || !clientName.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new IllegalArgumentException("client name '" + clientName
                        + "' must be non-empty printable ASCII without spaces (Redis CLIENT SETNAME rule)");
            }
            config.clientName(clientName);
        }
        if (endpoint.tls()) {
            RedisTls trust = tls == null ? RedisTls.systemDefault() : tls;
            config.sslOptions(trust.sslOptions());
        }
        return config.build();
    }
}
