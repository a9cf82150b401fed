package dev.queuebench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuebench.redis.EmbeddedRedis;
import dev.queuebench.redis.PoolProfile;
import dev.queuebench.redis.RedisClients;
import dev.queuebench.redis.RedisTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import redis.clients.jedis.RedisClient;

/** A real embedded Redis, a pooled client and the real gateway server on a free port, for one test class. */
final class GatewayFixture implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response's status code and its body parsed as JSON. */
    record Reply(int status, JsonNode body) {
        String errorCode() {
            return body.path("error").path("code").asText();
        }
    }

    final EmbeddedRedis redis;
    final RedisClient client;
    final GatewayServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayFixture(EmbeddedRedis redis, RedisClient client, GatewayServer server) {
        this.redis = redis;
        this.client = client;
        this.server = server;
    }

    static GatewayFixture start(GatewaySettings settings) {
        return start(settings, GatewayServer.Options.loopback(0));
    }

    static GatewayFixture start(GatewaySettings settings, GatewayServer.Options options) {
        EmbeddedRedis redis = EmbeddedRedis.builder().start();
        RedisClient client = RedisClients.open(redis.endpoint(), PoolProfile.parse("current"),
                RedisTls.systemDefault(), "gateway-test");
        GatewayServer server = GatewayServer.start(options, client, null, settings);
        return new GatewayFixture(redis, client, server);
    }

    Reply join(String eventId, String userId) {
        return post("/api/v1/queue/join", "{\"event_id\":\"" + eventId + "\",\"user_id\":\"" + userId + "\"}");
    }

    String joinToken(String eventId, String userId) {
        Reply reply = join(eventId, userId);
        if (reply.status() != 202) {
            throw new AssertionError("join failed: " + reply);
        }
        return reply.body().get("waiting_token").asText();
    }

    Reply status(String token) {
        return send(HttpRequest.newBuilder(uri("/api/v1/queue/status?token=" + token)).GET());
    }

    Reply enter(String token) {
        return post("/api/v1/queue/enter", "{\"waiting_token\":\"" + token + "\"}");
    }

    Reply leave(String token) {
        return send(HttpRequest.newBuilder(uri("/api/v1/queue/leave?token=" + token)).DELETE());
    }

    Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create(server.baseUrl() + pathAndQuery);
    }

    @Override
    public void close() {
        server.close();
        client.close();
        redis.close();
    }
}
