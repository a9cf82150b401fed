package dev.queuebench.cli;

import dev.queuebench.redis.RedisEndpoint;
import dev.queuebench.redis.RedisTls;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The endpoints {@code sample} reads INFO from. Unlike {@link RedisOptions} there is no embedded
 * default and no pool: the sampler needs a Redis that exists and one connection per node. Passwords
 * come from the URL or {@value RedisOptions#PASSWORD_ENV}, as for every verb.
 */
final class SampledEndpoints {
    @Option(names = "--redis", required = true, paramLabel = "URL",
            description = "Primary endpoint, redis://[user[:password]@]host[:port][/db] or rediss:// for TLS.")
    String redisUrl;

    @Option(names = "--reader", paramLabel = "URL", description = "Reader endpoint (a replica), sampled too.")
    String readerUrl;

    @Option(names = "--redis-ca-cert", paramLabel = "FILE",
            description = "PEM CA certificate to trust for rediss:// (self-signed servers). ElastiCache needs none.")
    Path caCertificate;

    RedisEndpoint primary() {
        return RedisOptions.withEnvPassword(RedisEndpoint.parse(redisUrl));
    }

    RedisEndpoint reader() {
        return readerUrl == null ? null : RedisOptions.withEnvPassword(RedisEndpoint.parse(readerUrl));
    }

    RedisTls tls() {
        return caCertificate == null ? RedisTls.systemDefault() : RedisTls.trusting(caCertificate);
    }
}
