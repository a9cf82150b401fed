package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redis going away and coming back while the gateway serves; and script-cache loss. */
class RedisOutageIT {
    private static GatewayFixture gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayFixture.start(GatewaySettings.defaults());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void redisRestartAnswers503ThenRecoversByItself() throws InterruptedException {
        assertEquals(202, gateway.join("outage", "before").status());
        gateway.redis.stop();
        GatewayFixture.Reply down = gateway.join("outage", "during");
        assertEquals(503, down.status());
        assertEquals("REDIS_UNAVAILABLE", down.errorCode());
        assertEquals(503, gateway.send(java.net.http.HttpRequest.newBuilder(gateway.uri("/readyz")).GET()).status());
        assertEquals(200, gateway.send(java.net.http.HttpRequest.newBuilder(gateway.uri("/healthz")).GET()).status());

        gateway.redis.restart();
        // The embedded Redis keeps nothing, and the script cache is empty: the join must still succeed.
        int status = 0;
        for (int i = 0; i < 50 && status != 202; i++) {
            status = gateway.join("outage", "after-" + i).status();
            if (status != 202) {
                Thread.sleep(100);
            }
        }
        assertEquals(202, status, "the gateway must recover without a restart");
    }

    @Test
    void evalshaReloadsAfterScriptFlush() {
        assertEquals(202, gateway.join("flush", "first").status());
        gateway.client.scriptFlush();
        GatewayFixture.Reply reply = gateway.join("flush", "second");
        assertEquals(202, reply.status(), reply.toString());
        String token = reply.body().get("waiting_token").asText();
        assertTrue(gateway.client.exists(QueueKeys.heartbeat(token)));
    }
}
