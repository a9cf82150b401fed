package dev.queuebench.bench;

import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Removes the benchmarks' keys: SCAN {@code MATCH qb:jmh:*} then UNLINK, a batch at a time, so a large
 * key count never blocks Redis the way KEYS or one huge DEL would. Nothing outside the prefix is touched
 * and nothing is ever flushed: the benchmarks may run against a shared Redis.
 */
public final class KeyCleanup {
    static final int SCAN_BATCH_KEYS = 1_000;

    private KeyCleanup() {
    }

    /** @return how many keys were unlinked */
    public static long removeBenchmarkKeys(Jedis redis) {
        ScanParams params = new ScanParams().match(BenchmarkTarget.KEY_PREFIX + "*").count(SCAN_BATCH_KEYS);
        String cursor = ScanParams.SCAN_POINTER_START;
        long removedKeys = 0;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            List<String> keys = page.getResult();
            if (!keys.isEmpty()) {
                removedKeys += redis.unlink(keys.toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return removedKeys;
    }

    /** Opens an admin connection, removes the keys, closes it. */
    public static long removeBenchmarkKeys() {
        try (Jedis redis = BenchmarkTarget.adminConnection()) {
            return removeBenchmarkKeys(redis);
        }
    }
}
