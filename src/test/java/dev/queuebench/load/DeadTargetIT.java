package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.gateway.GatewayServer;
import dev.queuebench.gateway.GatewaySettings;
import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.LoadProfile;
import dev.queuebench.profile.Phase;
import dev.queuebench.redis.EmbeddedRedis;
import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.redis.RedisTls;
import dev.queuebench.rundir.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/** A gateway that dies half-way: the run stops, says why, and leaves a readable directory. */
class DeadTargetIT {
    @Test
    void gatewayDyingHalfWayEndsTheRunAsTargetFailed(@TempDir Path results) throws Exception {
        LoadProfile profile = new LoadProfile("dying", "a target that dies", List.of(
                new Phase("warmup", 2, 0, 20, true),
                new Phase("hold-40", 60, 40, 40, false)), new JourneyShape(5, 2_000, 0.2, 0.1, 1), null, false);
        try (EmbeddedRedis redis = EmbeddedRedis.builder().start();
                RedisClient client = RedisClients.open(redis.endpoint(), PoolProfile.parse("current"),
                        RedisTls.systemDefault(), "dead-target-test")) {
            GatewayServer gateway = GatewayServer.start(GatewayServer.Options.loopback(0), client, null,
                    GatewaySettings.defaults());
            RunSettings settings = RunSettings.builder(profile).label("dying").nodeType("embedded").resultsRoot(results)
                    .requestTimeoutMillis(2_000).injectorHeapMb(256).gatlingReport(false).build();
            LoadRun run = new LoadRun(settings, new RunTarget(gateway.baseUrl(), true, null, null, null),
                    line -> { });
            CompletableFuture<LoadRun.Result> result = CompletableFuture.supplyAsync(() -> {
                try {
                    return run.execute();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(8_000);
            gateway.close();

            LoadRun.Result ended = result.get(45, TimeUnit.SECONDS);
            assertEquals(RunOutcome.TARGET_FAILED, ended.outcome());
            assertTrue(ended.reason().contains("stopped answering"), ended.reason());
            JsonNode manifest = RunDirectories.manifest(ended.runDir());
            assertEquals("target-failed", manifest.get("outcome").asText());
            assertTrue(manifest.get("end_ms").asLong() - manifest.get("start_ms").asLong() < 40_000,
                    "the run must stop early, not play out its 62 s");
            // What was measured before the failure is all there and readable.
            assertTrue(RunDirectories.csvTotals(ended.runDir()).get("join") > 50);
            assertEquals(RunDirectories.csvTotals(ended.runDir()), RunDirectories.hlogTotals(ended.runDir()));
            assertTrue(Files.size(ended.runDir().resolve("gatling/simulation.log")) > 0);
        }
    }
}
