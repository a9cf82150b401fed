package dev.queuebench.metrics.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.cli.QueuebenchCommand;
import dev.queuebench.gateway.GatewayServer;
import dev.queuebench.gateway.GatewaySettings;
import dev.queuebench.redis.EmbeddedReplicationGroup;
import dev.queuebench.redis.HaproxyBinary;
import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * The elasticache-failover drill end to end: a run against a gateway on the local replication group, whose
 * stand-in ElastiCache answers TestFailover with the recorded response and then fails the group over, a
 * while later, as ElastiCache does. The drill lasts until the primary endpoint leads to the new primary.
 */
class ElastiCacheFailoverDrillIT {
    private static final long ELASTICACHE_DELAY_MILLIS = 3_000;

    @TempDir
    Path results;

    @Test
    void theDrillCallsTestFailoverOnceAndLastsUntilThePrimaryEndpointMoved() throws Exception {
        Assumptions.assumeTrue(HaproxyBinary.find().isPresent(), "needs HAProxy: " + HaproxyBinary.INSTALL_HINT);
        AtomicReference<Throwable> failoverFailure = new AtomicReference<>();
        try (EmbeddedReplicationGroup group = EmbeddedReplicationGroup.start(true);
                RedisClient client = RedisClients.open(group.primaryEndpoint(), PoolProfile.parse("current"), null,
                        "queuebench-gateway");
                GatewayServer gateway = GatewayServer.start(GatewayServer.Options.loopback(0), client, null,
                        GatewaySettings.defaults());
                QueryProtocolServer elastiCache = new QueryProtocolServer(form -> {
                    Thread later = new Thread(() -> {
                        try {
                            Thread.sleep(ELASTICACHE_DELAY_MILLIS);
                            group.failover(30_000);
                        } catch (Throwable e) {
                            failoverFailure.set(e);
                        }
                    });
                    later.start();
                    return QueryProtocolServer.recorded(200, "elasticache/test-failover.xml");
                })) {
            System.setProperty("aws.accessKeyId", QueryProtocolServer.FAKE_KEY_ID);
            System.setProperty("aws.secretAccessKey", QueryProtocolServer.FAKE_SECRET);
            int exit;
            try {
                exit = QueuebenchCommand.commandLine().execute("run", "--profile", "smoke", "--hold-sec", "15",
                        "--no-gatling-report", "--target", gateway.baseUrl(), "--redis",
                        "redis://127.0.0.1:" + group.primaryEndpoint().port(), "--drill", "elasticache-failover@5",
                        "--replication-group", "qb-prod", "--aws-region", "eu-west-1", "--aws-endpoint-url",
                        elastiCache.endpoint().toString(), "--results-dir", results.toString());
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
            assertEquals(null, failoverFailure.get());
            assertEquals(0, exit, "the failover's errors are the drill's: the run completes");
            assertEquals(1, elastiCache.requests().size(), elastiCache.requests().toString());
            assertEquals("TestFailover", elastiCache.requests().get(0).get("Action"));
            assertEquals("0001", elastiCache.requests().get(0).get("NodeGroupId"));

            Path runDir;
            try (Stream<Path> dirs = Files.list(results)) {
                runDir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            List<EventsCsv.Event> events = EventsCsv.read(new RunFiles(runDir)).events();
            EventsCsv.Event start = events.stream().filter(event -> event.kind().equals("elasticache-failover"))
                    .findFirst().orElseThrow(() -> new AssertionError(events.toString()));
            EventsCsv.Event done = events.stream().filter(event -> event.kind().equals("elasticache-failover-done"))
                    .findFirst().orElseThrow(() -> new AssertionError(events.toString()));
            assertTrue(done.detail().contains("TestFailover accepted (group modifying)")
                    && done.detail().contains("led to another primary"), done.toString());
            assertTrue(done.epochMs() - start.epochMs() >= ELASTICACHE_DELAY_MILLIS, events.toString());

            JsonNode drill = JsonFiles.read(runDir.resolve(RunFiles.SUMMARY_JSON)).path("drills").get(0);
            assertEquals("drill-1-elasticache-failover", drill.path("name").asText(), drill.toPrettyString());
            // The failures came after the call, when the group failed over: still the drill's error window.
            assertTrue(drill.path("error_window_start_epoch_sec").asLong() == 0
                    || drill.path("error_window_start_epoch_sec").asLong() * 1000 >= start.epochMs() - 1000,
                    drill.toPrettyString());
            QueryProtocolServer.assertNoCredentialIn(runDir);
        }
    }
}
