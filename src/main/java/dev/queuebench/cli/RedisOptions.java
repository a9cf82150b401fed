package dev.queuebench.cli;

import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.RedisEndpoint;
import dev.queuebench.redis.RedisTls;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where Redis is and how to talk to it: shared by every verb that connects to Redis. Passwords come
 * from the URL or, to keep them out of shell history and process lists, from the environment
 * variable {@value #PASSWORD_ENV}.
 */
final class RedisOptions {
    static final String PASSWORD_ENV = "QUEUEBENCH_REDIS_PASSWORD";

    @Option(names = "--redis", paramLabel = "URL",
            description = "Primary endpoint, redis://[user[:password]@]host[:port][/db] or rediss:// for TLS. "
                    + "Default: start an embedded Redis.")
    String redisUrl;

    @Option(names = "--reader", paramLabel = "URL",
            description = "Reader endpoint (an ElastiCache replica) for status reads. Default: read from the primary.")
    String readerUrl;

    @Option(names = "--redis-ca-cert", paramLabel = "FILE",
            description = "PEM CA certificate to trust for rediss:// (self-signed servers). "
                    + "ElastiCache needs none.")
    Path caCertificate;

    @Option(names = "--pool", paramLabel = "PROFILE", defaultValue = "current",
            description = "Connection pool: current, emergency, recommended, or one with overrides such as "
                    + "'recommended,maxActive=300'. Default: ${DEFAULT-VALUE}.")
    String poolSpec;

    boolean embedded() {
        return redisUrl == null;
    }

    RedisEndpoint primaryEndpoint() {
        return withEnvPassword(RedisEndpoint.parse(redisUrl));
    }

    RedisEndpoint readerEndpoint() {
        return readerUrl == null ? null : withEnvPassword(RedisEndpoint.parse(readerUrl));
    }

    PoolProfile pool() {
        return PoolProfile.parse(poolSpec);
    }

    RedisTls tls() {
        return caCertificate == null ? RedisTls.systemDefault() : RedisTls.trusting(caCertificate);
    }

    /** The endpoint with the password from {@value #PASSWORD_ENV} when the URL has none. */
    static RedisEndpoint withEnvPassword(RedisEndpoint endpoint) {
        String password = System.getenv(PASSWORD_ENV);
        return password == null || password.isEmpty() || endpoint.hasPassword()
                ? endpoint : endpoint.withPassword(password);
    }
}
