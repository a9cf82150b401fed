package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The happy paths and the queue's own answers (409, 403, 404), against a real Redis. */
class QueueJourneyIT {
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
    void joinStatusEnterAdmitsTheHeadOfTheQueue() {
        GatewayFixture.Reply joined = gateway.join("journey", "alice");
        assertEquals(202, joined.status());
        assertEquals("waiting", joined.body().get("status").asText());
        assertEquals(1, joined.body().get("position_hint").asLong());
        String token = joined.body().get("waiting_token").asText();

        GatewayFixture.Reply status = gateway.status(token);
        assertEquals(200, status.status());
        assertEquals("waiting", status.body().get("status").asText());
        assertEquals(1, status.body().get("position").asLong());
        assertEquals(0, status.body().get("eta_sec").asLong());
        assertTrue(status.body().get("ready_for_entry").asBoolean(), "position 1 waits 0 s");
        assertTrue(status.body().has("waiting_time"));

        GatewayFixture.Reply entered = gateway.enter(token);
        assertEquals(200, entered.status());
        assertEquals("granted", entered.body().get("admission").asText());
        assertEquals(30, entered.body().get("ttl_sec").asInt());
        String reservation = entered.body().get("reservation_token").asText();

        // The real gateway's writes: reservation with a 30 s TTL, heartbeat gone, indexes emptied, metric added.
        assertTrue(gateway.client.ttl(QueueKeys.reservation(reservation)) > 0);
        assertTrue(gateway.client.ttl(QueueKeys.reservation(reservation)) <= 30);
        assertFalse(gateway.client.exists(QueueKeys.heartbeat(token)));
        assertEquals(null, gateway.client.zrank(QueueKeys.eventQueue("journey"), token));
        assertEquals(null, gateway.client.zrank(QueueKeys.positionIndex("journey"), token));
        assertEquals(1, gateway.client.zcard(QueueKeys.admissionMetric("journey")));
        assertTrue(gateway.client.get(QueueKeys.queueData(token)).contains("\"status\":\"admitted\""));
    }

    @Test
    void joinWritesTheRealGatewaysKeysWithTheirTtls() throws InterruptedException {
        String token = gateway.joinToken("keys", "bob");
        assertEquals(1, gateway.client.xlen(QueueKeys.userStream("keys", "bob")));
        long dedupeTtl = gateway.client.ttl(QueueKeys.dedupe("keys", "bob"));
        assertTrue(dedupeTtl > 290 && dedupeTtl <= 300, "dedupe TTL " + dedupeTtl);
        long dataTtl = gateway.client.ttl(QueueKeys.queueData(token));
        assertTrue(dataTtl > 1790 && dataTtl <= 1800, "queue data TTL " + dataTtl);
        long heartbeatTtl = gateway.client.ttl(QueueKeys.heartbeat(token));
        assertTrue(heartbeatTtl > 290 && heartbeatTtl <= 300, "heartbeat TTL " + heartbeatTtl);
        long indexTtl = gateway.client.ttl(QueueKeys.positionIndex("keys"));
        assertTrue(indexTtl > 3590 && indexTtl <= 3600, "index TTL " + indexTtl);
        assertTrue(gateway.client.ttl(QueueKeys.eventQueue("keys")) > 3590);

        // The follow-up, off the request path, stores the position with the queue data.
        String data = "";
        for (int i = 0; i < 50 && !data.contains("\"position\":1"); i++) {
            Thread.sleep(20);
            data = gateway.client.get(QueueKeys.queueData(token));
        }
        assertTrue(data.contains("\"position\":1"), data);
        assertTrue(data.contains("\"stream_id\":"), data);
    }

    @Test
    void secondJoinOfTheSameUserIsADuplicate() {
        assertEquals(202, gateway.join("dupes", "carol").status());
        GatewayFixture.Reply second = gateway.join("dupes", "carol");
        assertEquals(409, second.status());
        assertEquals("DUPLICATE_REQUEST", second.errorCode());
        assertNotNull(second.body().path("error").get("trace_id"));
        assertEquals(1, gateway.client.zcard(QueueKeys.eventQueue("dupes")), "the duplicate must not enqueue");
    }

    @Test
    void idempotencyKeyDeduplicatesRetriesOfOneRequest() {
        String body = "{\"event_id\":\"idem\",\"user_id\":\"dave\"}";
        GatewayFixture.Reply first = gateway.send(java.net.http.HttpRequest.newBuilder(gateway.uri("/api/v1/queue/join"))
                .header("Idempotency-Key", "retry-1").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        GatewayFixture.Reply retry = gateway.send(java.net.http.HttpRequest.newBuilder(gateway.uri("/api/v1/queue/join"))
                .header("Idempotency-Key", "retry-1").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(202, first.status());
        assertEquals(409, retry.status());
        assertTrue(gateway.client.exists(QueueKeys.dedupe("idem", "retry-1")));
    }

    @Test
    void positionsFollowJoinOrderAndAdvanceWhenTheHeadLeaves() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tokens.add(gateway.joinToken("order", "user-" + i));
        }
        for (int i = 0; i < tokens.size(); i++) {
            assertEquals(i + 1, gateway.status(tokens.get(i)).body().get("position").asLong());
        }
        // Position 11 must wait 2 s before it is ready; position 10 need not.
        assertTrue(gateway.status(tokens.get(9)).body().get("ready_for_entry").asBoolean());
        assertFalse(gateway.status(tokens.get(10)).body().get("ready_for_entry").asBoolean());
        GatewayFixture.Reply early = gateway.enter(tokens.get(10));
        assertEquals(403, early.status());
        assertEquals("NOT_READY", early.errorCode());

        GatewayFixture.Reply left = gateway.leave(tokens.get(0));
        assertEquals(200, left.status());
        assertEquals("left", left.body().get("status").asText());
        assertEquals(1, gateway.status(tokens.get(1)).body().get("position").asLong());
        assertEquals("TOKEN_EXPIRED", gateway.status(tokens.get(0)).errorCode());
        assertEquals("TOKEN_NOT_FOUND", gateway.leave(tokens.get(0)).errorCode());
    }

    @Test
    void etaUsesTheRecentAdmissionRate() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tokens.add(gateway.joinToken("eta", "user-" + i));
        }
        // No admissions yet: the bucket's 50/s refill is the estimate, so position 5 waits ceil(4 / 50) = 1 s.
        assertEquals(1, gateway.status(tokens.get(4)).body().get("eta_sec").asLong());
        // 30 admissions in the last minute: 0.5 × 30/60 + 0.3 × 30/300 + 0.2 × 30/900 = 0.2867/s → ceil(3 / 0.2867) = 11 s.
        long nowMillis = System.currentTimeMillis();
        for (int i = 0; i < 30; i++) {
            gateway.client.zadd(QueueKeys.admissionMetric("eta"), nowMillis - 1_000 - i, "admitted-" + i);
        }
        assertEquals(11, gateway.status(tokens.get(3)).body().get("eta_sec").asLong());
    }

    @Test
    void unknownTokensAreNotFoundOrExpired() {
        assertEquals("TOKEN_EXPIRED", gateway.status("no-such-token").errorCode());
        GatewayFixture.Reply enter = gateway.enter("no-such-token");
        assertEquals(404, enter.status());
        assertEquals("TOKEN_NOT_FOUND", enter.errorCode());
        assertEquals(404, gateway.leave("no-such-token").status());
    }

    @Test
    void enteringTwiceIsRefused() {
        String token = gateway.joinToken("twice", "erin");
        assertEquals(200, gateway.enter(token).status());
        GatewayFixture.Reply again = gateway.enter(token);
        assertEquals(403, again.status());
        assertEquals("NOT_READY", again.errorCode());
    }

    @Test
    void probesAnswer() {
        assertEquals(200, gateway.send(java.net.http.HttpRequest.newBuilder(gateway.uri("/healthz")).GET()).status());
        GatewayFixture.Reply ready = gateway.send(java.net.http.HttpRequest.newBuilder(gateway.uri("/readyz")).GET());
        assertEquals(200, ready.status());
        assertEquals("ready", ready.body().get("status").asText());
    }
}
