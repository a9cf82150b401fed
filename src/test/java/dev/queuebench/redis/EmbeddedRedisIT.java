package dev.queuebench.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

class EmbeddedRedisIT {
    private static final int TIMEOUT_MILLIS = 2_000;

    @Test
    void startsOnAFreeLoopbackPortWithoutPersistence() {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().start();
                Jedis jedis = RedisClients.single(redis.endpoint(), null, TIMEOUT_MILLIS)) {
            assertTrue(redis.port() > 0);
            assertEquals("redis://127.0.0.1:" + redis.port() + "/0", redis.endpoint().redacted());
            assertEquals("OK", jedis.set("k", "v"));
            assertEquals("v", jedis.get("k"));
            assertEquals("", jedis.configGet("save").get("save"));
            assertEquals("no", jedis.configGet("appendonly").get("appendonly"));
            assertEquals("127.0.0.1", jedis.configGet("bind").get("bind"));
            assertEquals(redis.workingDirectory().toRealPath().toString(), jedis.configGet("dir").get("dir"));
            assertTrue(redis.version().matches("\\d+\\.\\d+\\.\\d+"), redis.version());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stopLeavesNoFilesAndFreesThePort() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.builder().start();
        Path directory = redis.workingDirectory();
        int port = redis.port();
        try (Jedis jedis = RedisClients.single(redis.endpoint(), null, TIMEOUT_MILLIS)) {
            for (int i = 0; i < 1_000; i++) {
                jedis.set("key:" + i, "value");
            }
            // Even an explicit save request must not leave a file once stopped.
            jedis.save();
        }
        assertTrue(Files.isDirectory(directory));
        redis.stop();
        assertFalse(redis.isRunning());
        assertFalse(Files.exists(directory), "working directory " + directory + " must be deleted on stop");
        assertFalse(accepts(port), "port " + port + " must be closed after stop");
        redis.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"path", "bundled"})
    void eachBinaryStartsAndReportsWhereItCameFrom(String choice) throws Exception {
        RedisBinary binary = Binaries.named(choice);
        try (EmbeddedRedis redis = EmbeddedRedis.builder().binary(binary).start();
                Jedis jedis = RedisClients.single(redis.endpoint(), null, TIMEOUT_MILLIS)) {
            assertEquals(binary.path(), redis.binaryPath());
            assertEquals(choice.equals("path") ? "PATH" : "bundled embedded-redis 1.4.4", redis.binarySource());
            assertTrue(redis.version().startsWith(binary.majorVersion() + "."), redis.version());
            assertEquals("PONG", jedis.ping());
            // enable-debug-command is set on 7.x so DEBUG behaves as on 6.2.
            Object reply = jedis.sendCommand(() -> "DEBUG".getBytes(StandardCharsets.US_ASCII), "SLEEP", "0");
            assertEquals("OK", new String((byte[]) reply, StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"path", "bundled"})
    void replicaSyncsAndServesReads(String choice) {
        RedisBinary binary = Binaries.named(choice);
        try (EmbeddedRedis primary = EmbeddedRedis.builder().binary(binary).password("repl-Pa55").start();
                EmbeddedRedis replica = EmbeddedRedis.builder().binary(binary).replicaOf(primary).start()) {
            assertTrue(replica.isReplica());
            try (Jedis writer = RedisClients.single(primary.endpoint(), null, TIMEOUT_MILLIS)) {
                writer.set("before-sync", "1");
                replica.waitForSync();
                writer.set("after-sync", "2");
                // WAIT: the write has reached the one replica before we read it there.
                assertEquals(1L, writer.waitReplicas(1, TIMEOUT_MILLIS));
            }
            try (Jedis reader = RedisClients.single(replica.endpoint(), null, TIMEOUT_MILLIS)) {
                assertEquals("1", reader.get("before-sync"));
                assertEquals("2", reader.get("after-sync"));
                assertEquals("slave", reader.info("replication").lines()
                        .filter(line -> line.startsWith("role:")).findFirst().orElseThrow().substring(5).strip());
                JedisDataException readOnly = assertThrows(JedisDataException.class, () -> reader.set("x", "y"));
                assertTrue(readOnly.getMessage().startsWith("READONLY"), readOnly.getMessage());
            }
        }
    }

    @Test
    void waitForSyncOnAPrimaryIsAnError() {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, redis::waitForSync);
            assertTrue(e.getMessage().contains("is not a replica"), e.getMessage());
        }
    }

    @Test
    void restartKeepsThePortAndStartsEmpty() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().password("restart-Pa55").start()) {
            int port = redis.port();
            Path firstDirectory = redis.workingDirectory();
            try (Jedis jedis = RedisClients.single(redis.endpoint(), null, TIMEOUT_MILLIS)) {
                jedis.set("k", "v");
            }
            redis.restart();
            assertEquals(port, redis.port());
            assertTrue(redis.isRunning());
            assertFalse(Files.exists(firstDirectory));
            assertNotEquals(firstDirectory, redis.workingDirectory());
            // Same password after the restart: the endpoint still works, and the data is gone.
            try (Jedis jedis = RedisClients.single(redis.endpoint(), null, TIMEOUT_MILLIS)) {
                assertNull(jedis.get("k"));
            }
        }
    }

    @Test
    void restartAfterStopStartsAgain() {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().start()) {
            redis.stop();
            assertFalse(redis.isRunning());
            redis.restart();
            try (Jedis jedis = RedisClients.single(redis.endpoint(), null, TIMEOUT_MILLIS)) {
                assertEquals("PONG", jedis.ping());
            }
        }
    }

    @Test
    void replicaResyncsAfterItsPrimaryRestarts() {
        try (EmbeddedRedis primary = EmbeddedRedis.builder().start();
                EmbeddedRedis replica = EmbeddedRedis.builder().replicaOf(primary).start()) {
            replica.waitForSync();
            primary.restart();
            try (Jedis writer = RedisClients.single(primary.endpoint(), null, TIMEOUT_MILLIS)) {
                writer.set("after-restart", "yes");
            }
            replica.waitForSync();
            try (Jedis writer = RedisClients.single(primary.endpoint(), null, TIMEOUT_MILLIS);
                    Jedis reader = RedisClients.single(replica.endpoint(), null, TIMEOUT_MILLIS)) {
                writer.waitReplicas(1, TIMEOUT_MILLIS);
                assertEquals("yes", reader.get("after-restart"));
            }
        }
    }

    @Test
    void maxMemoryAndExtraConfigAreApplied() {
        try (EmbeddedRedis redis = EmbeddedRedis.builder()
                .maxMemoryBytes(64L * 1024 * 1024)
                .config("maxmemory-policy", "allkeys-lru")
                .config("timeout", "300")
                .start();
                Jedis jedis = RedisClients.single(redis.endpoint(), null, TIMEOUT_MILLIS)) {
            assertEquals(Long.toString(64L * 1024 * 1024), jedis.configGet("maxmemory").get("maxmemory"));
            assertEquals("allkeys-lru", jedis.configGet("maxmemory-policy").get("maxmemory-policy"));
            assertEquals("300", jedis.configGet("timeout").get("timeout"));
        }
    }

    @Test
    void managedSettingsCannotBeGivenAsConfig() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedRedis.builder().config("requirepass", "x"));
        assertTrue(e.getMessage().contains("managed by EmbeddedRedis"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EmbeddedRedis.builder().config("--port", "1"));
    }

    @Test
    void failedStartShowsTheServerOutputAndLeavesNoDirectory() throws IOException {
        long directoriesBefore = workingDirectoryCount();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EmbeddedRedis.builder().config("maxmemory-policy", "no-such-policy").start());
        assertTrue(e.getMessage().contains("exited while starting"), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-policy"), "the tail of Redis's output: " + e.getMessage());
        assertEquals(directoriesBefore, workingDirectoryCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"path", "bundled"})
    void killedJvmTakesItsRedisAlong(String choice) throws Exception {
        Binaries.named(choice);
        Process child = startChild(choice, "wait");
        Map<String, String> started = readChildReport(child);
        int port = Integer.parseInt(started.get("PORT"));
        try {
            assertTrue(accepts(port));
            // SIGKILL: no shutdown hook runs, only the wrapper's stdin watch can stop Redis.
            child.destroyForcibly();
            child.waitFor(5, TimeUnit.SECONDS);
            assertTrue(closesWithin(port, 5_000), "redis-server on port " + port + " outlived its killed JVM");
        } finally {
            // What SIGKILL leaves behind by design: the working directory (and an extracted binary).
            Directories.deleteQuietly(Paths.get(started.get("DIR")));
            if (choice.equals("bundled")) {
                Files.deleteIfExists(Paths.get(started.get("BINARY")));
            }
        }
    }

    @Test
    void jvmExitWithoutCloseStopsRedisAndDeletesItsFiles() throws Exception {
        Process child = startChild("bundled", "exit");
        Map<String, String> started = readChildReport(child);
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertFalse(accepts(Integer.parseInt(started.get("PORT"))));
        assertFalse(Files.exists(Paths.get(started.get("DIR"))));
        assertFalse(Files.exists(Paths.get(started.get("BINARY"))), "the extracted bundled binary is deleted");
    }

    private static Process startChild(String choice, String mode) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedRedisChild.class.getName(), choice, mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static Map<String, String> readChildReport(Process child) throws IOException {
        Map<String, String> report = new HashMap<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null && !line.equals("READY"); line = lines.readLine()) {
            int space = line.indexOf(' ');
            report.put(line.substring(0, space), line.substring(space + 1));
        }
        assertTrue(report.containsKey("PORT"), "the child JVM did not start Redis: " + report);
        return report;
    }

    private static boolean closesWithin(int port, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (!accepts(port)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(EmbeddedRedis.HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long workingDirectoryCount() throws IOException {
        try (Stream<Path> entries = Files.list(Paths.get(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("queuebench-redis-")
                    && Files.isDirectory(p)).count();
        }
    }
}
