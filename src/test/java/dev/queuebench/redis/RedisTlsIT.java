package dev.queuebench.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** rediss:// against an embedded Redis serving TLS with certificates made here by a throwaway CA. */
class RedisTlsIT {
    private static final PoolProfile POOL = PoolProfile.parse("current");

    @TempDir
    static Path certificates;
    private static TestCertificates ca;
    private static RedisTlsFiles localhost;

    @BeforeAll
    static void makeCertificates() throws Exception {
        ca = TestCertificates.newCa(certificates);
        localhost = ca.serverFiles("localhost", "127.0.0.1", "localhost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"path", "bundled"})
    void clientConnectsOverRedissTrustingTheTestCa(String choice) throws Exception {
        RedisBinary binary = tlsCapable(Binaries.named(choice));
        try (EmbeddedRedis redis = EmbeddedRedis.builder().binary(binary).tls(localhost).password("tls-Pa55").start();
                RedisClient client = RedisClients.open(redis.endpoint(), POOL, RedisTls.trusting(ca.caFile()), "tls")) {
            assertTrue(redis.endpoint().tls());
            assertEquals("rediss://:***@127.0.0.1:" + redis.port() + "/0", redis.endpoint().redacted());
            assertEquals("OK", client.set("k", "v"));
            assertEquals("v", client.get("k"));
            // TLS only: no plain-text port is open.
            assertEquals("0", client.configGet("port").get("port"));
            assertEquals(Integer.toString(redis.port()), client.configGet("tls-port").get("tls-port"));
        }
    }

    @Test
    void plainClientOnTheTlsPortFailsWithAHint() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().binary(tlsCapable(RedisBinary.resolve())).tls(localhost).start()) {
            RedisEndpoint plain = RedisEndpoint.of(EmbeddedRedis.HOST, redis.port());
            JedisConnectionException e = assertThrows(JedisConnectionException.class,
                    () -> RedisClients.single(plain, null, 1_000));
            assertTrue(e.getMessage().contains("redis:// versus rediss://"), e.getMessage());
        }
    }

    @Test
    void defaultTrustStoreRejectsTheSelfSignedServer() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().binary(tlsCapable(RedisBinary.resolve())).tls(localhost).start()) {
            JedisConnectionException e = assertThrows(JedisConnectionException.class,
                    () -> RedisClients.open(redis.endpoint(), POOL, RedisTls.systemDefault(), "tls"));
            assertTrue(e.getMessage().startsWith("TLS handshake with Redis at rediss://127.0.0.1:" + redis.port()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("trust its CA certificate PEM file"), e.getMessage());
        }
    }

    @Test
    void hostnameVerificationRejectsACertificateForAnotherName() throws Exception {
        RedisTlsFiles otherName = ca.serverFiles("other", "redis.example.test");
        try (EmbeddedRedis redis = EmbeddedRedis.builder().binary(tlsCapable(RedisBinary.resolve())).tls(otherName).start()) {
            RedisTls trustCa = RedisTls.trusting(ca.caFile());
            assertTrue(trustCa.verifiesHostname());
            JedisConnectionException e = assertThrows(JedisConnectionException.class,
                    () -> RedisClients.single(redis.endpoint(), trustCa, 2_000));
            assertTrue(e.getMessage().contains("names the host dialled ('127.0.0.1')"), e.getMessage());

            RedisTls noHostnameCheck = trustCa.withoutHostnameVerification();
            assertFalse(noHostnameCheck.verifiesHostname());
            try (Jedis jedis = RedisClients.single(redis.endpoint(), noHostnameCheck, 2_000)) {
                assertEquals("PONG", jedis.ping());
            }
        }
    }

    @Test
    void tlsReplicaWithPasswordSyncsAndServesReads() throws Exception {
        RedisBinary binary = tlsCapable(RedisBinary.resolve());
        RedisTls trustCa = RedisTls.trusting(ca.caFile());
        try (EmbeddedRedis primary = EmbeddedRedis.builder().binary(binary).tls(localhost).password("tls-Pa55").start();
                EmbeddedRedis replica = EmbeddedRedis.builder().binary(binary).replicaOf(primary).start()) {
            assertTrue(replica.endpoint().tls(), "a replica of a TLS primary serves TLS with the same files");
            replica.waitForSync();
            try (Jedis writer = RedisClients.single(primary.endpoint(), trustCa, 2_000);
                    Jedis reader = RedisClients.single(replica.endpoint(), trustCa, 2_000)) {
                writer.set("over-tls", "yes");
                assertEquals(1L, writer.waitReplicas(1, 2_000));
                assertEquals("yes", reader.get("over-tls"));
            }
        }
    }

    @Test
    void caFileThatIsNoCertificateIsRejectedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisTls.trusting(localhost.privateKey()));
        assertTrue(e.getMessage().contains("-----BEGIN CERTIFICATE-----"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> RedisTls.trusting(certificates.resolve("missing.pem")));
        assertTrue(missing.getMessage().startsWith("Cannot read CA certificate file"), missing.getMessage());
    }

    /** Skips the test, saying why and what to do, when {@code binary} was built without TLS. */
    private static RedisBinary tlsCapable(RedisBinary binary) {
        try (EmbeddedRedis probe = EmbeddedRedis.builder().binary(binary).start()) {
            Assumptions.assumeTrue(probe.tlsCapable(), "redis-server " + probe.version() + " at " + binary.path()
                    + " (" + binary.source() + ") was built without TLS, so rediss:// cannot be tested with it. "
                    + "Install Debian's redis-server (apt-get install redis-server; 6.0+ has TLS) and run with "
                    + "-D" + RedisBinary.PROPERTY + "=path");
        }
        return binary;
    }
}
