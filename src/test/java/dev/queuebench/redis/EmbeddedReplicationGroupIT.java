package dev.queuebench.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The local replication group through failovers, as a client of its primary endpoint sees them. */
class EmbeddedReplicationGroupIT {
    @BeforeAll
    static void needsHaproxy() {
        Assumptions.assumeTrue(HaproxyBinary.find().isPresent(),
                "the replication group needs HAProxy: " + HaproxyBinary.INSTALL_HINT);
    }

    @Test
    void theEndpointFollowsThePrimaryAndClosesTheOldPrimarysConnections() {
        try (EmbeddedReplicationGroup group = EmbeddedReplicationGroup.start(true)) {
            int before = group.primaryPort();
            try (Jedis held = RedisClients.single(group.primaryEndpoint(), null, 2_000)) {
                held.set("kept", "written before the failover");
                held.waitReplicas(1, 2_000);

                EmbeddedReplicationGroup.Failover failover = group.failover(30_000);

                assertEquals(before, failover.fromPort());
                assertNotEquals(before, failover.toPort());
                assertEquals(failover.toPort(), group.primaryPort());
                assertTrue(failover.endpointMovedAfterMillis() >= failover.promotedAfterMillis(), failover.describe());
                // The connection to the old primary is closed, as ElastiCache closes it.
                assertThrows(JedisConnectionException.class, () -> held.set("lost", "on the old primary"));
            }
            try (Jedis fresh = RedisClients.single(group.primaryEndpoint(), null, 2_000)) {
                assertEquals("written before the failover", fresh.get("kept"));
                assertEquals("OK", fresh.set("after", "on the new primary"));
                assertEquals("master", InfoFields.get(fresh.info("replication"), "role").orElseThrow());
            }
            // And back: the old primary, now a replica, can be promoted again.
            EmbeddedReplicationGroup.Failover back = group.failover(30_000);
            assertEquals(before, back.toPort(), back.describe());
            try (Jedis fresh = RedisClients.single(group.primaryEndpoint(), null, 2_000)) {
                assertEquals("on the new primary", fresh.get("after"));
            }
        }
    }
}
