package dev.queuebench.metrics.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Reads a queue in the real gateway's key schema (DESIGN: {@code queue:event:{evt}} sorted sets of
 * waiting tokens) without blocking Redis for long: SCAN and ZSCAN in pages, EXISTS in pipelined batches.
 */
final class QueueScan {
    static final String EVENT_QUEUES = "queue:event:*";
    static final String HEARTBEAT_PREFIX = "heartbeat:";
    static final String QUEUE_DATA_PREFIX = "queue:waiting:";
    private static final int PAGE = 1_000;

    private QueueScan() {
    }

    /** Every event queue's key. */
    static List<String> eventQueues(UnifiedJedis redis) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(EVENT_QUEUES).count(PAGE);
        do {
            ScanResult<String> page = redis.scan(cursor, match, "zset");
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return keys;
    }

    /** The waiting tokens of one event queue. */
    static List<String> members(UnifiedJedis redis, String key) {
        List<String> tokens = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams page = new ScanParams().count(PAGE);
        do {
            ScanResult<redis.clients.jedis.resps.Tuple> members = redis.zscan(key, cursor, page);
            members.getResult().forEach(tuple -> tokens.add(tuple.getElement()));
            cursor = members.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return tokens;
    }

    /** Whether the key {@code keyOf(token)} exists, for each token, in order. */
    static boolean[] exists(UnifiedJedis redis, List<String> tokens, Function<String, String> keyOf) {
        boolean[] exists = new boolean[tokens.size()];
        for (int from = 0; from < tokens.size(); from += PAGE) {
            int to = Math.min(tokens.size(), from + PAGE);
            List<Response<Boolean>> replies = new ArrayList<>();
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (int i = from; i < to; i++) {
                    replies.add(pipeline.exists(keyOf.apply(tokens.get(i))));
                }
                pipeline.sync();
            }
            for (int i = from; i < to; i++) {
                exists[i] = replies.get(i - from).get();
            }
        }
        return exists;
    }
}
