package dev.queuebench.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.ConnectionPoolConfig;

class PoolProfileTest {

    @Test
    void presetsAreThePlansThreeSettings() {
        assertEquals(List.of(
                new PoolProfile("current", 100, 10, 0, 240, 5_000, 3_000, 3_000, 4_000),
                new PoolProfile("emergency", 50, 5, 0, 120, 5_000, 3_000, 3_000, 4_000),
                new PoolProfile("recommended", 200, 20, 0, 180, 5_000, 3_000, 3_000, 4_000)),
                PoolProfile.presets());
    }

    @Test
    void presetNameParsesToThePreset() {
        for (PoolProfile preset : PoolProfile.presets()) {
            assertEquals(preset, PoolProfile.parse(preset.name()));
        }
        assertEquals(PoolProfile.parse("current"), PoolProfile.parse("  Current "));
    }

    @Test
    void currentMapsOntoCommonsPool() {
        ConnectionPoolConfig config = PoolProfile.parse("current").toPoolConfig();
        assertEquals(100, config.getMaxTotal());
        assertEquals(10, config.getMaxIdle());
        assertEquals(0, config.getMinIdle());
        assertEquals(Duration.ofSeconds(240), config.getMinEvictableIdleDuration());
        assertEquals(Duration.ofSeconds(60), config.getDurationBetweenEvictionRuns());
        assertEquals(-1, config.getNumTestsPerEvictionRun());
        assertEquals(Duration.ofMillis(4_000), config.getMaxWaitDuration());
        assertTrue(config.getBlockWhenExhausted());
        assertTrue(config.getTestWhileIdle());
    }

    @Test
    void emergencyAndRecommendedMapOntoCommonsPool() {
        ConnectionPoolConfig emergency = PoolProfile.parse("emergency").toPoolConfig();
        assertEquals(50, emergency.getMaxTotal());
        assertEquals(5, emergency.getMaxIdle());
        assertEquals(Duration.ofSeconds(120), emergency.getMinEvictableIdleDuration());
        ConnectionPoolConfig recommended = PoolProfile.parse("recommended").toPoolConfig();
        assertEquals(200, recommended.getMaxTotal());
        assertEquals(20, recommended.getMaxIdle());
        assertEquals(Duration.ofSeconds(180), recommended.getMinEvictableIdleDuration());
    }

    @Test
    void socketTimeoutIsTheLargerOfReadAndWrite() {
        assertEquals(3_000, PoolProfile.parse("recommended").socketTimeoutMillis());
        assertEquals(700, PoolProfile.parse("recommended,readTimeoutMillis=500,writeTimeoutMillis=700")
                .socketTimeoutMillis());
        assertEquals(900, PoolProfile.parse("recommended,readTimeoutMillis=900,writeTimeoutMillis=100")
                .socketTimeoutMillis());
    }

    @Test
    void overridesReplaceOnlyTheirKeysAndNameTheProfile() {
        PoolProfile profile = PoolProfile.parse("recommended,maxActive=300,readTimeoutMillis=500");
        assertEquals(new PoolProfile("recommended,maxActive=300,readTimeoutMillis=500",
                300, 20, 0, 180, 5_000, 500, 3_000, 4_000), profile);
    }

    @Test
    void customNeedsMaxActiveAndMaxIdleAndDefaultsTheRestLikeGoRedis() {
        PoolProfile profile = PoolProfile.parse("custom,maxActive=64,maxIdle=8");
        assertEquals(new PoolProfile("custom,maxActive=64,maxIdle=8", 64, 8, 0, 300, 5_000, 3_000, 3_000, 4_000),
                profile);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoolProfile.parse("custom,maxActive=64"));
        assertTrue(e.getMessage().contains("custom needs at least maxActive and maxIdle"), e.getMessage());
    }

    @Test
    void idleTimeoutZeroTurnsEvictionOff() {
        ConnectionPoolConfig config = PoolProfile.parse("current,idleTimeoutSec=0").toPoolConfig();
        assertTrue(config.getMinEvictableIdleDuration().isNegative());
        assertTrue(config.getDurationBetweenEvictionRuns().isNegative());
    }

    @Test
    void shortIdleTimeoutIsCheckedAsOftenAsItExpires() {
        ConnectionPoolConfig config = PoolProfile.parse("current,idleTimeoutSec=10").toPoolConfig();
        assertEquals(Duration.ofSeconds(10), config.getDurationBetweenEvictionRuns());
    }

    @Test
    void borrowTimeoutZeroFailsAtOnceWhenExhausted() {
        assertEquals(Duration.ZERO, PoolProfile.parse("current,borrowTimeoutMillis=0").toPoolConfig().getMaxWaitDuration());
    }

    @Test
    void unknownPresetListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoolProfile.parse("huge"));
        assertTrue(e.getMessage().contains("unknown pool profile 'huge'"), e.getMessage());
        assertTrue(e.getMessage().contains("current, emergency, recommended"), e.getMessage());
        assertTrue(e.getMessage().contains("custom,maxActive=N,maxIdle=N"), e.getMessage());
    }

    @Test
    void unknownKeyListsTheValidKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoolProfile.parse("current,MaxActive=5"));
        assertTrue(e.getMessage().contains("unknown key 'MaxActive'"), e.getMessage());
        assertTrue(e.getMessage().contains("maxActive, maxIdle, minIdle, idleTimeoutSec, connectTimeoutMillis, "
                + "readTimeoutMillis, writeTimeoutMillis, borrowTimeoutMillis"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "current,maxActive=-1|maxActive must be a non-negative whole number, got '-1'",
        "current,maxActive=1.5|maxActive must be a non-negative whole number",
        "current,maxActive=|maxActive must be a non-negative whole number",
        "current,maxActive|'maxActive' is not key=value",
        "current,maxActive=0|maxActive must be at least 1, got 0",
        "current,readTimeoutMillis=0|readTimeoutMillis must be at least 1",
        "current,maxIdle=101|maxIdle (101) must not exceed maxActive (100)",
        "current,minIdle=11|minIdle (11) must not exceed maxIdle (10)",
        "current,maxIdle=5,maxIdle=6|maxIdle is given twice",
        "''|pool profile is empty"})
    void badSpecsNameTheProblem(String spec, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoolProfile.parse(spec));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void presetsListIsImmutable() {
        List<PoolProfile> presets = PoolProfile.presets();
        assertThrows(UnsupportedOperationException.class, () -> presets.add(presets.get(0)));
        assertSame(presets, PoolProfile.presets());
    }
}
