package dev.queuebench.bench;

import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.redis.RedisEndpoint;
import dev.queuebench.redis.RedisTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.PrefixedKeyArgumentPreProcessor;

/**
 * The Redis every benchmark (and the Redis server-side profiler) talks to, handed to the benchmark JVMs
 * through system properties, which {@code queuebench jmh} sets with {@code jvmArgsAppend}:
 *
 * <ul>
 *   <li>{@value #URL_FILE_PROPERTY}: a file (mode 0600) holding the Redis URL. The command uses this one,
 *       so a password in the URL never appears on a forked JVM's command line.</li>
 *   <li>{@value #URL_PROPERTY}: the URL itself, for a hand-run benchmark without a password in it.</li>
 *   <li>{@value #CA_CERT_PROPERTY}: optional PEM CA certificate for {@code rediss://}.</li>
 * </ul>
 *
 * A password may also come from {@value #PASSWORD_ENV}, which forked JVMs inherit. Every key a
 * benchmark writes starts with {@value #KEY_PREFIX}: clients from {@link #pooledClient} add it to every
 * key argument (commands, pipelines and script KEYS alike), so the gateway's own key names apply
 * unchanged and {@link KeyCleanup} can remove exactly what the benchmarks created.
 */
public final class BenchmarkTarget {
    public static final String URL_FILE_PROPERTY = "queuebench.jmh.redisUrlFile";
    public static final String URL_PROPERTY = "queuebench.jmh.redis";
    public static final String CA_CERT_PROPERTY = "queuebench.jmh.redisCaCert";
    public static final String PASSWORD_ENV = "QUEUEBENCH_REDIS_PASSWORD";
    /** The only keys the benchmarks create, and the only ones {@link KeyCleanup} removes. */
    public static final String KEY_PREFIX = "qb:jmh:";

    static final int ADMIN_TIMEOUT_MILLIS = 5_000;

    private BenchmarkTarget() {
    }

    /** The endpoint named by the system properties, with the environment's password when the URL has none. */
    public static RedisEndpoint endpoint() {
        String file = System.getProperty(URL_FILE_PROPERTY);
        String url = file != null ? readUrl(Path.of(file)) : System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("No Redis for the benchmarks: run them with 'queuebench jmh', or pass -D"
                    + URL_PROPERTY + "=redis://host:port (password in $" + PASSWORD_ENV + ")");
        }
        RedisEndpoint endpoint = RedisEndpoint.parse(url.strip());
        String password = System.getenv(PASSWORD_ENV);
        return password == null || password.isEmpty() || endpoint.hasPassword()
                ? endpoint : endpoint.withPassword(password);
    }

    public static RedisTls tls() {
        String caCert = System.getProperty(CA_CERT_PROPERTY);
        return caCert == null ? RedisTls.systemDefault() : RedisTls.trusting(Path.of(caCert));
    }

    /** A pooled client whose every key argument gets {@value #KEY_PREFIX} in front. */
    public static RedisClient pooledClient(PoolProfile pool, String clientName) {
        RedisClient client = RedisClients.open(endpoint(), pool, tls(), clientName);
        client.setKeyArgumentPreProcessor(new PrefixedKeyArgumentPreProcessor(KEY_PREFIX));
        return client;
    }

    /** One unprefixed connection for INFO and cleanup; the caller closes it. */
    public static Jedis adminConnection() {
        return RedisClients.single(endpoint(), tls(), ADMIN_TIMEOUT_MILLIS);
    }

    private static String readUrl(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Redis URL file '" + file + "' named by -D"
                    + URL_FILE_PROPERTY + ": " + e.getMessage(), e);
        }
    }
}
