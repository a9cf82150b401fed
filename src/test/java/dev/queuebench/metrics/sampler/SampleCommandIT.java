package dev.queuebench.metrics.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.cli.QueuebenchCommand;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.MetricRow;
import dev.queuebench.metrics.StrictServerCsv;
import dev.queuebench.redis.EmbeddedRedis;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.redis.RedisTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** {@code queuebench sample} against a password-protected primary with a replica, as on ElastiCache. */
class SampleCommandIT {
    private static final String PASSWORD = "s3cret-auth-token-for-sampler";
    private static final long MAX_MEMORY_BYTES = 64L * 1024 * 1024;

    @Test
    void samplesPrimaryAndReaderWithoutWritingThePassword(@TempDir Path dir) throws Exception {
        try (EmbeddedRedis primary = EmbeddedRedis.builder().password(PASSWORD).maxMemoryBytes(MAX_MEMORY_BYTES)
                        .config("maxmemory-policy", "allkeys-lru").start();
                EmbeddedRedis replica = EmbeddedRedis.builder().replicaOf(primary).start()) {
            replica.waitForSync();
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                try (Jedis jedis = RedisClients.single(primary.endpoint(), RedisTls.systemDefault(), 2000)) {
                    for (int i = 0; !stop.get(); i++) {
                        jedis.set("key" + (i % 500), "value-" + i);
                    }
                }
            });
            writer.start();
            int exit;
            try {
                exit = QueuebenchCommand.commandLine().execute("sample",
                        "--redis", "redis://:" + PASSWORD + "@127.0.0.1:" + primary.port(),
                        "--reader", "redis://:" + PASSWORD + "@127.0.0.1:" + replica.port(),
                        "--out", dir.toString(), "--duration-sec", "4");
            } finally {
                stop.set(true);
                writer.join();
            }
            assertEquals(0, exit);
        }
        List<MetricRow> rows = StrictServerCsv.read(dir);
        assertFalse(StrictServerCsv.of(rows, "reader", "ReplicaReplOffset").isEmpty(), "reader offsets");
        assertFalse(StrictServerCsv.of(rows, "reader", "ReplicationLag").isEmpty(), "reader lag");
        assertFalse(StrictServerCsv.of(rows, "primary", "MasterReplOffset").isEmpty(), "primary offsets");
        assertTrue(StrictServerCsv.of(rows, "reader", "ReplicationLag").stream().allMatch(row -> row.value() < 2),
                "a local replica keeps up: " + StrictServerCsv.of(rows, "reader", "ReplicationLag"));
        assertTrue(StrictServerCsv.of(rows, "primary", "cmd.set.calls_per_sec").stream().anyMatch(row -> row.value() > 100));
        for (MetricRow used : StrictServerCsv.of(rows, "primary", "BytesUsedForCache")) {
            double percent = StrictServerCsv.of(rows, "primary", "DatabaseMemoryUsagePercentage").stream()
                    .filter(row -> row.epochSec() == used.epochSec()).findFirst().orElseThrow().value();
            assertEquals(100.0 * used.value() / MAX_MEMORY_BYTES, percent, 1e-3);
        }

        JsonNode info = JsonFiles.read(dir.resolve("server-info.json"));
        assertEquals("allkeys-lru", info.at("/nodes/primary/maxmemory_policy").asText(), info.toString());
        assertEquals(MAX_MEMORY_BYTES, info.at("/nodes/primary/maxmemory_bytes").asLong());
        assertEquals("maxmemory", info.at("/nodes/primary/memory_percentage_basis").asText());
        assertEquals("slave", info.at("/nodes/reader/role").asText());
        assertTrue(info.at("/sampler/nodes/primary").asText().contains(":***@"), info.toString());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertFalse(Files.readString(file).contains(PASSWORD), file + " holds the password");
            }
        }
    }

    @Test
    void anEndpointThatNeverAnswersIsAFailureWithAnEmptyButReadableFile(@TempDir Path dir) throws Exception {
        assertEquals(1, QueuebenchCommand.commandLine().execute("sample", "--redis", "redis://127.0.0.1:1",
                "--out", dir.toString(), "--duration-sec", "2"));
        assertEquals(List.of("epoch_sec,node,metric,value"), Files.readAllLines(dir.resolve("server.csv")));
    }

    @Test
    void withoutRedisItIsAUsageError(@TempDir Path dir) {
        assertEquals(2, QueuebenchCommand.commandLine().execute("sample", "--out", dir.toString()));
        assertEquals(2, QueuebenchCommand.commandLine().execute("sample", "--redis", "redis://127.0.0.1:1",
                "--out", dir.toString(), "--duration-sec", "0"));
    }
}
