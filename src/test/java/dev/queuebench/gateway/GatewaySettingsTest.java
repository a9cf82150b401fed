package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GatewaySettingsTest {
    @Test
    void defaultsAreTheRealGatewaysValues() {
        GatewaySettings settings = GatewaySettings.defaults();
        assertEquals(1800, settings.queueDataTtlSec());
        assertEquals(3600, settings.eventIndexTtlSec());
        assertEquals(300, settings.heartbeatTtlSec());
        assertEquals(300, settings.dedupeTtlSec());
        assertEquals(30, settings.reservationTtlSec());
        assertEquals(500, settings.bucketCapacityTokens());
        assertEquals(50, settings.bucketRefillPerSec());
        assertEquals(10, settings.bucketBypassMaxPosition());
        assertEquals(100, settings.eligibleMaxPosition());
        assertTrue(settings.rateLimitEnabled());
    }

    @Test
    void zeroRateLimitTurnsTheMiddlewareOff() {
        assertFalse(GatewaySettings.defaults().withRateLimit(0, 0).rateLimitEnabled());
    }

    @Test
    void invalidValuesNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GatewaySettings.defaults().withHeartbeatTtlSec(0));
        assertEquals("heartbeatTtlSec must be > 0, was 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GatewaySettings.defaults().withRateLimit(10, 0));
    }
}
