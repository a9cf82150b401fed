package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuebench.redis.EmbeddedRedis;
import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.redis.RedisTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Status reads go to the reader endpoint, as the capacity plan's read split intends. */
class ReaderEndpointIT {
    private static final Pattern ZRANK_CALLS = Pattern.compile("cmdstat_zrank:calls=(\\d+)");

    @Test
    void statusReadsFromTheReplicaAndSurvivesReplicationLag() throws Exception {
        PoolProfile pool = PoolProfile.parse("current");
        try (EmbeddedRedis primary = EmbeddedRedis.builder().start();
                EmbeddedRedis replica = EmbeddedRedis.builder().replicaOf(primary).start();
                RedisClient primaryClient = RedisClients.open(primary.endpoint(), pool, RedisTls.systemDefault(), "t");
                RedisClient replicaClient = RedisClients.open(replica.endpoint(), pool, RedisTls.systemDefault(), "t");
                GatewayServer server = GatewayServer.start(GatewayServer.Options.loopback(0), primaryClient,
                        replicaClient, GatewaySettings.defaults())) {
            replica.waitForSync();
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            String joinBody = "{\"event_id\":\"split\",\"user_id\":\"reader-user\"}";
            HttpResponse<String> joined = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/api/v1/queue/join")).POST(HttpRequest.BodyPublishers.ofString(joinBody)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = json.readTree(joined.body()).get("waiting_token").asText();

            // Immediately: the replica may lag, and the user must not be evicted for it.
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/api/v1/queue/status?token=" + token)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode(), status.body());
            assertEquals(1, json.readTree(status.body()).get("position").asLong());

            long replicaZranks = zrankCalls(replicaClient);
            assertTrue(replicaZranks >= 1, "status must read ZRANK from the replica, saw " + replicaZranks);
        }
    }

    @Test
    void aReaderThatHasNotCaughtUpNeverEvictsAUser() throws Exception {
        PoolProfile pool = PoolProfile.parse("current");
        // A reader that never receives the writes: replication lag without end.
        try (EmbeddedRedis primary = EmbeddedRedis.builder().start();
                EmbeddedRedis staleReader = EmbeddedRedis.builder().start();
                RedisClient primaryClient = RedisClients.open(primary.endpoint(), pool, RedisTls.systemDefault(), "t");
                RedisClient readerClient = RedisClients.open(staleReader.endpoint(), pool, RedisTls.systemDefault(), "t");
                GatewayServer server = GatewayServer.start(GatewayServer.Options.loopback(0), primaryClient,
                        readerClient, GatewaySettings.defaults())) {
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            HttpResponse<String> joined = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/api/v1/queue/join")).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"event_id\":\"lag\",\"user_id\":\"u\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = json.readTree(joined.body()).get("waiting_token").asText();
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/api/v1/queue/status?token=" + token)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode(), status.body());
            assertEquals(1, json.readTree(status.body()).get("position").asLong());
            assertTrue(primaryClient.exists(QueueKeys.heartbeat(token)));
            assertTrue(primaryClient.exists(QueueKeys.queueData(token)));
        }
    }

    private static long zrankCalls(RedisClient client) {
        Matcher matcher = ZRANK_CALLS.matcher(client.info("commandstats"));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
