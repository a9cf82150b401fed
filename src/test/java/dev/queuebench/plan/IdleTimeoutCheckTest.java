package dev.queuebench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.queuebench.redis.PoolProfile;
import org.junit.jupiter.api.Test;

/** The capacity plan's Redis {@code timeout 300} against each pool's idle timeout, in both orders. */
class IdleTimeoutCheckTest {
    @Test
    void theRecommendedPoolClosesIdleConnectionsBeforeRedisDoes() {
        assertEquals("The pool 'recommended' closes idle connections first: after 180 s (checked every 60 s, so by "
                + "240 s at the latest), before Redis's timeout of 300 s; no request is handed a connection the "
                + "server closed.", IdleTimeoutCheck.sentence(300, PoolProfile.parse("recommended")));
        assertEquals("The pool 'emergency' closes idle connections first: after 120 s (checked every 60 s, so by "
                + "180 s at the latest), before Redis's timeout of 300 s; no request is handed a connection the "
                + "server closed.", IdleTimeoutCheck.sentence(300, PoolProfile.parse("emergency")));
    }

    @Test
    void aPoolIdleTimeoutAboveRedisTimeoutHandsOutClosedConnections() {
        assertEquals("Redis closes idle connections first (timeout 300 s) and the pool 'custom,maxActive=100,"
                + "maxIdle=10,idleTimeoutSec=360' would only at its IdleTimeout of 360 s: the pool hands out "
                + "connections the server already closed, and the first command on each fails. Set the pool's "
                + "IdleTimeout below 240 s.", IdleTimeoutCheck.sentence(300,
                        PoolProfile.parse("custom,maxActive=100,maxIdle=10,idleTimeoutSec=360")));
    }

    @Test
    void equalTimeoutsLeaveRedisFirst() {
        assertEquals("Redis closes idle connections first (timeout 240 s) and the pool 'current' would only at its "
                + "IdleTimeout of 240 s: the pool hands out connections the server already closed, and the first "
                + "command on each fails. Set the pool's IdleTimeout below 180 s.",
                IdleTimeoutCheck.sentence(240, PoolProfile.parse("current")));
    }

    @Test
    void todaysPoolIsFirstOnlyUntilItsNextEvictionRun() {
        // 240 s idle + a check every 60 s: a connection can reach Redis's 300 s before the pool closes it.
        assertEquals("The pool 'current' closes idle connections after 240 s, before Redis's timeout of 300 s, but "
                + "checks them only every 60 s: a connection can sit idle up to 300 s and Redis may close it first, "
                + "failing the first command on it. Set the pool's IdleTimeout below 240 s.",
                IdleTimeoutCheck.sentence(300, PoolProfile.parse("current")));
    }

    @Test
    void aPoolThatNeverEvictsAgainstARedisTimeoutIsTheServerFirst() {
        assertEquals("Redis closes idle connections first (timeout 300 s) and the pool 'current,idleTimeoutSec=0' "
                + "never does (IdleTimeout 0): the pool hands out connections the server already closed, and the "
                + "first command on each fails. Set the pool's IdleTimeout below 240 s.",
                IdleTimeoutCheck.sentence(300, PoolProfile.parse("current,idleTimeoutSec=0")));
    }

    @Test
    void withoutARedisTimeoutOnlyThePoolCloses() {
        assertEquals("Redis never closes idle connections (timeout 0): the pool 'recommended' closes them after "
                + "180 s.", IdleTimeoutCheck.sentence(0, PoolProfile.parse("recommended")));
        assertEquals("Neither side closes idle connections (Redis timeout 0, pool 'current,idleTimeoutSec=0' "
                + "IdleTimeout 0): they stay open until the gateway restarts.",
                IdleTimeoutCheck.sentence(0, PoolProfile.parse("current,idleTimeoutSec=0")));
    }

    @Test
    void aShortRedisTimeoutHalvesTheAdvice() {
        // idle + min(60, idle) < 100 holds for any idle below 50.
        assertEquals(50, IdleTimeoutCheck.safeIdleTimeoutBelowSec(100));
        assertEquals(240, IdleTimeoutCheck.safeIdleTimeoutBelowSec(300));
    }
}
