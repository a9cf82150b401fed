package dev.queuebench.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.StreamEntry;

class ScriptExecutorIT {
    private static EmbeddedRedis redis;
    private static RedisClient client;
    private ScriptExecutor scripts;

    @BeforeAll
    static void startRedis() {
        redis = EmbeddedRedis.builder().start();
        client = RedisClients.open(redis.endpoint(), PoolProfile.parse("current"), null, "script-test");
    }

    @AfterAll
    static void stopRedis() {
        client.close();
        redis.close();
    }

    @BeforeEach
    void freshExecutorAndData() {
        client.flushAll();
        scripts = new ScriptExecutor(client);
    }

    @Test
    void localSha1IsWhatScriptLoadReturns() {
        for (QueueScript script : QueueScript.values()) {
            assertTrue(script.sha1().matches("[0-9a-f]{40}"), script + ": " + script.sha1());
            assertEquals(client.scriptLoad(script.source()), script.sha1(), script.fileName());
        }
    }

    // enqueue.lua

    @Test
    void enqueueAddsTheEntryOnceAndRemembersItsId() {
        Object id = enqueue("dedupe:{e1}:u1", "stream:event:{e1}:user:u1", "waiting_token", "t1", "event_id", "e1");
        String entryId = assertInstanceOf(String.class, id);
        assertTrue(entryId.matches("\\d+-\\d+"), entryId);
        List<StreamEntry> entries = client.xrange("stream:event:{e1}:user:u1", (StreamEntryID) null, null);
        assertEquals(1, entries.size());
        assertEquals(Map.of("waiting_token", "t1", "event_id", "e1"), entries.get(0).getFields());
        assertEquals(entryId, entries.get(0).getID().toString());
        assertEquals(entryId, client.get("dedupe:{e1}:u1"));
        long ttlSec = client.ttl("dedupe:{e1}:u1");
        assertTrue(ttlSec > 295 && ttlSec <= 300, "dedupe TTL " + ttlSec);
    }

    @Test
    void enqueueOfADuplicateReturnsZeroAndWritesNothing() {
        enqueue("dedupe:{e1}:u1", "stream:event:{e1}:user:u1", "waiting_token", "t1");
        Object duplicate = enqueue("dedupe:{e1}:u1", "stream:event:{e1}:user:u1", "waiting_token", "t2");
        assertEquals(0L, duplicate);
        assertEquals(1L, client.xlen("stream:event:{e1}:user:u1"));
    }

    @Test
    void enqueueRejectsAFieldWithoutValue() {
        JedisDataException e = assertThrows(JedisDataException.class,
                () -> enqueue("dedupe:{e1}:u1", "stream:event:{e1}:user:u1", "waiting_token"));
        assertTrue(e.getMessage().contains("field/value pairs"), e.getMessage());
        assertFalse(client.exists("dedupe:{e1}:u1"));
    }

    private Object enqueue(String dedupeKey, String streamKey, String... fields) {
        List<String> args = new java.util.ArrayList<>(List.of("300"));
        args.addAll(List.of(fields));
        return scripts.evalsha(QueueScript.ENQUEUE, List.of(dedupeKey, streamKey), args);
    }

    // admission_bucket.lua

    @Test
    void admissionBucketStartsFullAdmitsItsCapacityThenRefillsOnTheCallersClock() {
        String bucket = "admission:bucket:e1";
        for (int remaining = 4; remaining >= 0; remaining--) {
            assertEquals(List.of(1L, (long) remaining), admit(bucket, 5, 2, "1000.000"));
        }
        assertEquals(List.of(0L, 0L), admit(bucket, 5, 2, "1000.000"));
        // 0.25 s at 2 tokens/s is half a token: still no.
        assertEquals(List.of(0L, 0L), admit(bucket, 5, 2, "1000.250"));
        // 0.5 s in all: one whole token.
        assertEquals(List.of(1L, 0L), admit(bucket, 5, 2, "1000.500"));
        // A long pause refills to the capacity and no further.
        assertEquals(List.of(1L, 4L), admit(bucket, 5, 2, "1100.000"));
    }

    @Test
    void admissionBucketAddsNothingWhenTheCallersClockGoesBackwards() {
        String bucket = "admission:bucket:e2";
        for (int i = 0; i < 3; i++) {
            admit(bucket, 3, 1, "2000.000");
        }
        assertEquals(List.of(0L, 0L), admit(bucket, 3, 1, "1990.000"));
        // One second after the latest time seen: one token, not the 11 s since the backward reading.
        assertEquals(List.of(1L, 0L), admit(bucket, 3, 1, "2001.000"));
        assertEquals(List.of(0L, 0L), admit(bucket, 3, 1, "2001.000"));
    }

    @Test
    void admissionBucketKeyLivesTwiceTheTimeToRefill() {
        admit("admission:bucket:e3", 500, 50, "1764063300.250");
        long ttlMillis = client.pttl("admission:bucket:e3");
        assertTrue(ttlMillis > 19_000 && ttlMillis <= 20_000, "TTL " + ttlMillis + " ms, expected 20 s");
        admit("admission:bucket:e4", 5, 2, "1764063300.250");
        // ceil(5 / 2) * 2 = 6 s.
        long ttl4Millis = client.pttl("admission:bucket:e4");
        assertTrue(ttl4Millis > 5_000 && ttl4Millis <= 6_000, "TTL " + ttl4Millis + " ms, expected 6 s");
    }

    @Test
    void admissionBucketRejectsANonNumericClock() {
        JedisDataException e = assertThrows(JedisDataException.class,
                () -> admit("admission:bucket:e5", 5, 2, "yesterday"));
        assertTrue(e.getMessage().contains("ARGV[3] now must be a number"), e.getMessage());
        assertEquals(0, scripts.reloadCount(), "a script error is not a NOSCRIPT");
    }

    private Object admit(String bucket, int capacity, int refillPerSec, String nowSec) {
        return scripts.evalsha(QueueScript.ADMISSION_BUCKET, List.of(bucket),
                List.of(Integer.toString(capacity), Integer.toString(refillPerSec), nowSec, "1"));
    }

    // rate_limit_bucket.lua, on both binaries: it calls TIME before writing.

    @ParameterizedTest
    @ValueSource(strings = {"path", "bundled"})
    void rateLimitBucketRefillsOnRedisTime(String choice) throws InterruptedException {
        try (EmbeddedRedis server = EmbeddedRedis.builder().binary(Binaries.named(choice)).start();
                RedisClient own = RedisClients.open(server.endpoint(), PoolProfile.parse("current"), null, "rl")) {
            ScriptExecutor executor = new ScriptExecutor(own);
            List<String> bucket = List.of("ratelimit:10.0.0.1");
            // Capacity 3, 20 tokens/s: a token every 50 ms.
            List<String> args = List.of("3", "20", "1");
            assertEquals(List.of(1L, 2L), executor.evalsha(QueueScript.RATE_LIMIT_BUCKET, bucket, args));
            assertEquals(List.of(1L, 1L), executor.evalsha(QueueScript.RATE_LIMIT_BUCKET, bucket, args));
            assertEquals(List.of(1L, 0L), executor.evalsha(QueueScript.RATE_LIMIT_BUCKET, bucket, args));
            List<?> denied = (List<?>) executor.evalsha(QueueScript.RATE_LIMIT_BUCKET, bucket, args);
            assertEquals(0L, denied.get(0));

            List<String> time;
            try (Jedis jedis = RedisClients.single(server.endpoint(), null, 2_000)) {
                time = jedis.time();
            }
            long redisNowMillis = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
            double storedMillis = Double.parseDouble(own.hget("ratelimit:10.0.0.1", "ts"));
            assertTrue(Math.abs(redisNowMillis - storedMillis) < 1_000, "ts is Redis TIME in ms: " + storedMillis);
            long ttlMillis = own.pttl("ratelimit:10.0.0.1");
            // ceil(3 / 20) * 2 = 2 s.
            assertTrue(ttlMillis > 1_000 && ttlMillis <= 2_000, "TTL " + ttlMillis);

            Thread.sleep(120);
            assertEquals(1L, ((List<?>) executor.evalsha(QueueScript.RATE_LIMIT_BUCKET, bucket, args)).get(0));
        }
    }

    // seat_hold.lua and seat_release.lua

    @Test
    void seatHoldIsExclusiveAndRenewableByItsHolder() {
        String seat = "seat:e1:A12";
        assertEquals(1L, hold(seat, "res-a", 30));
        assertEquals("res-a", client.get(seat));
        assertEquals(0L, hold(seat, "res-b", 30));
        assertEquals("res-a", client.get(seat));
        assertEquals(1L, hold(seat, "res-a", 60));
        assertTrue(client.ttl(seat) > 30, "a renewal restarts the TTL");
    }

    @Test
    void seatReleaseOnlyByItsHolder() {
        String seat = "seat:e1:B7";
        assertEquals(0L, release(seat, "res-a"), "a free seat");
        hold(seat, "res-a", 30);
        assertEquals(0L, release(seat, "res-b"));
        assertEquals("res-a", client.get(seat));
        assertEquals(1L, release(seat, "res-a"));
        assertFalse(client.exists(seat));
        assertEquals(1L, hold(seat, "res-b", 30), "released seats can be held by another reservation");
    }

    private Object hold(String seat, String token, int ttlSec) {
        return scripts.evalsha(QueueScript.SEAT_HOLD, List.of(seat), List.of(token, Integer.toString(ttlSec)));
    }

    private Object release(String seat, String token) {
        return scripts.evalsha(QueueScript.SEAT_RELEASE, List.of(seat), List.of(token));
    }

    // NOSCRIPT handling

    @Test
    void evalshaReloadsAfterScriptFlush() {
        scripts.loadAll();
        assertEquals(1L, hold("seat:flush", "r1", 30));
        assertEquals(0, scripts.reloadCount());

        client.scriptFlush();
        assertFalse(client.scriptExists(QueueScript.SEAT_HOLD.sha1(), "any-key"));
        assertEquals(1L, hold("seat:flush", "r1", 30));
        assertEquals(1, scripts.reloadCount());
        assertTrue(client.scriptExists(QueueScript.SEAT_HOLD.sha1(), "any-key"));

        assertEquals(1L, hold("seat:flush", "r1", 30));
        assertEquals(1, scripts.reloadCount(), "loaded once, then served from Redis's cache");
    }

    @Test
    void evalshaLoadsOnFirstUseOfAnEmptyCache() {
        client.scriptFlush();
        assertEquals(0L, release("seat:none", "r1"));
        assertEquals(1, scripts.reloadCount());
    }
}
