package dev.queuebench.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

class RedisAuthIT {
    private static final String PASSWORD = "Auth-T0ken+p@ss/w0rd";
    private static final String WRONG_PASSWORD = "Wr0ng-Guess-99";
    private static final PoolProfile POOL = PoolProfile.parse("current");

    private static EmbeddedRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = EmbeddedRedis.builder().password(PASSWORD).start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void rightPasswordWorks() {
        try (RedisClient client = RedisClients.open(redis.endpoint(), POOL, null, "auth-test")) {
            assertEquals("OK", client.set("k", "v"));
            assertEquals("v", client.get("k"));
        }
    }

    @Test
    void passwordFromAUrlWorks() {
        String url = "redis://:" + PASSWORD.replace("@", "%40").replace("/", "%2F") + "@127.0.0.1:" + redis.port();
        try (RedisClient client = RedisClients.open(RedisEndpoint.parse(url), POOL, null, "auth-test")) {
            assertEquals("PONG", client.ping());
        }
    }

    @Test
    void wrongPasswordFailsNamingTheEndpointButNeitherPassword() {
        RedisEndpoint wrong = RedisEndpoint.of(EmbeddedRedis.HOST, redis.port()).withPassword(WRONG_PASSWORD);
        JedisAccessControlException pooled = assertThrows(JedisAccessControlException.class,
                () -> RedisClients.open(wrong, POOL, null, "auth-test"));
        JedisAccessControlException single = assertThrows(JedisAccessControlException.class,
                () -> RedisClients.single(wrong, null, 2_000));
        for (JedisException e : List.of(pooled, single)) {
            assertTrue(e.getMessage().contains("Redis at redis://:***@127.0.0.1:" + redis.port() + "/0"), e.getMessage());
            assertTrue(e.getMessage().contains("rejected the credentials"), e.getMessage());
            assertTrue(e.getMessage().contains("check the user and password"), e.getMessage());
            assertNoSecretIn(e);
        }
    }

    @Test
    void missingPasswordSaysOneIsRequired() {
        JedisAccessControlException e = assertThrows(JedisAccessControlException.class,
                () -> RedisClients.open(RedisEndpoint.of(EmbeddedRedis.HOST, redis.port()), POOL, null, "auth-test"));
        assertTrue(e.getMessage().contains("requires a password and none was given"), e.getMessage());
        assertTrue(e.getMessage().contains("QUEUEBENCH_REDIS_PASSWORD"), e.getMessage());
    }

    @Test
    void passwordForAServerWithoutOneSaysToDropIt() {
        try (EmbeddedRedis open = EmbeddedRedis.builder().start()) {
            JedisAccessControlException e = assertThrows(JedisAccessControlException.class,
                    () -> RedisClients.single(open.endpoint().withPassword(WRONG_PASSWORD), null, 2_000));
            assertTrue(e.getMessage().contains("has no password set but one was given"), e.getMessage());
            assertNoSecretIn(e);
        }
    }

    @Test
    void unreachableServerFailsNamingTheRedactedEndpoint() {
        RedisEndpoint nowhere = RedisEndpoint.of(EmbeddedRedis.HOST, FreePorts.loopback()).withPassword(PASSWORD);
        JedisConnectionException e = assertThrows(JedisConnectionException.class,
                () -> RedisClients.open(nowhere, POOL, null, "auth-test"));
        assertTrue(e.getMessage().startsWith("Cannot connect to Redis at redis://:***@127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("Check the host and port and that Redis is running"), e.getMessage());
        assertNoSecretIn(e);
    }

    @Test
    void endpointAndLauncherNeverShowThePassword() {
        assertFalse(redis.endpoint().toString().contains(PASSWORD));
        assertFalse(redis.toString().contains(PASSWORD));
        assertEquals("redis://:***@127.0.0.1:" + redis.port() + "/0", redis.endpoint().redacted());
    }

    @Test
    void passwordIsNeitherOnAnyCommandLineNorInAnyFile() throws IOException {
        try (EmbeddedRedis replica = EmbeddedRedis.builder().replicaOf(redis).start()) {
            // The replica got masterauth over the connection: if it had not, it could not sync.
            replica.waitForSync();
            // Redis rewrites its own process title, but the wrapper's watcher keeps the original
            // arguments: a password passed there would show in ps.
            List<String> commandLines = allCommandLines();
            assertTrue(commandLines.stream().anyMatch(line -> line.contains("--port " + replica.port())),
                    "the scan must see the launcher's processes");
            for (String line : commandLines) {
                assertFalse(line.contains(PASSWORD), "command line holds the password: " + line);
            }
            for (EmbeddedRedis server : List.of(redis, replica)) {
                try (Stream<Path> files = Files.walk(server.workingDirectory())) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(PASSWORD),
                                file + " holds the password");
                    }
                }
            }
        }
    }

    @Test
    void startLogLineNamesBinaryVersionAndPortButNotThePassword() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String log;
        int port;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (EmbeddedRedis logged = EmbeddedRedis.builder().password(PASSWORD).start()) {
                port = logged.port();
            }
        } finally {
            System.setErr(originalErr);
        }
        log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Started redis-server "), log);
        assertTrue(log.contains("127.0.0.1:" + port), log);
        assertTrue(log.contains("password required"), log);
        assertFalse(log.contains(PASSWORD), log);
    }

    private static List<String> allCommandLines() throws IOException {
        Path proc = Paths.get("/proc");
        Assumptions.assumeTrue(Files.exists(proc.resolve("self/cmdline")), "needs Linux /proc to read command lines");
        List<String> lines = new java.util.ArrayList<>();
        try (Stream<Path> processes = Files.list(proc)) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    lines.add(new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' '));
                } catch (IOException e) {
                    // The process ended during the scan.
                }
            }
        }
        return lines;
    }

    private static void assertNoSecretIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()) + " " + t;
            assertFalse(text.contains(PASSWORD), "password in: " + text);
            assertFalse(text.contains(WRONG_PASSWORD), "wrong password in: " + text);
        }
    }
}
