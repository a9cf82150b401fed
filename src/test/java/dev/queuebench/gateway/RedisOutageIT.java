package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

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
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger outageLogger = (Logger) LoggerFactory.getLogger(RedisOutageLog.class);
        outageLogger.addAppender(log);
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

        // The outage in the gateway's log: one line when it began and why, one when it ended, nothing per request.
        // (The worker logs the end just after it answered, so the line may follow the 202 by a moment.)
        for (int i = 0; i < 100 && log.list.size() < 2; i++) {
            Thread.sleep(20);
        }
        outageLogger.detachAppender(log);
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Redis unavailable (connection-refused") || lines.get(0)
                .startsWith("Redis unavailable (connection-broken"), lines.toString());
        assertTrue(lines.get(1).matches("Redis answers again after \\d+ ms of outage; \\d+ requests answered 503, "
                + "by cause \\{.*connection-.*}"), lines.toString());
    }

    @Test
    void aDemotedPrimaryIsAnOutageNotABug() {
        // What clients of the old primary see in a failover before their connection is closed: READONLY.
        try (Jedis admin = new Jedis(gateway.redis.endpoint().host(), gateway.redis.port())) {
            admin.replicaof("127.0.0.1", 9);
        }
        try {
            GatewayFixture.Reply reply = gateway.join("readonly", "during");
            assertEquals(503, reply.status(), reply.toString());
            assertEquals("REDIS_UNAVAILABLE", reply.errorCode());
        } finally {
            try (Jedis admin = new Jedis(gateway.redis.endpoint().host(), gateway.redis.port())) {
                admin.replicaofNoOne();
            }
        }
        assertEquals(202, gateway.join("readonly", "after").status());
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
