package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Heartbeat renewal and the cleanup of users who stopped polling, with a 2 s heartbeat TTL. */
class HeartbeatExpiryIT {
    private static GatewayFixture gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayFixture.start(GatewaySettings.defaults().withHeartbeatTtlSec(2).withSweepIntervalMillis(500));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void expiredHeartbeatReturns404AndCleansUp() throws InterruptedException {
        String token = gateway.joinToken("expiry", "quiet-user");
        Thread.sleep(2_600);
        GatewayFixture.Reply reply = gateway.status(token);
        assertEquals(404, reply.status());
        assertEquals("TOKEN_EXPIRED", reply.errorCode());
        assertNull(gateway.client.zrank(QueueKeys.eventQueue("expiry"), token));
        assertNull(gateway.client.zrank(QueueKeys.positionIndex("expiry"), token));
        assertFalse(gateway.client.exists(QueueKeys.queueData(token)));
    }

    @Test
    void pollingRenewsTheHeartbeat() throws InterruptedException {
        String token = gateway.joinToken("renewal", "busy-user");
        for (int i = 0; i < 4; i++) {
            Thread.sleep(1_000);
            assertEquals(200, gateway.status(token).status(), "poll " + i);
        }
    }

    @Test
    void sweeperRemovesAbandonedUsersFromTheHeadOfTheQueue() throws InterruptedException {
        String abandoned = gateway.joinToken("sweep", "gone-user");
        String polling = gateway.joinToken("sweep", "loyal-user");
        assertEquals(2, gateway.status(polling).body().get("position").asLong());
        for (int i = 0; i < 4; i++) {
            Thread.sleep(1_000);
            gateway.status(polling);
        }
        // The abandoned user never polled again: the sweeper, not a status call, removed it.
        assertNull(gateway.client.zrank(QueueKeys.eventQueue("sweep"), abandoned));
        assertFalse(gateway.client.exists(QueueKeys.queueData(abandoned)));
        assertEquals(1, gateway.status(polling).body().get("position").asLong());
    }
}
