package dev.queuebench.metrics.queue;

import dev.queuebench.rundir.QueueEndFile;
import dev.queuebench.rundir.WaitingToken;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Reads the queue as Redis holds it at the end of a run, in the real gateway's key schema (DESIGN:
 * {@code queue:event:{evt}} sorted sets of waiting tokens, {@code heartbeat:<token>} keys): every
 * member of every event queue and whether its heartbeat still lives. SCAN and ZSCAN in pages and
 * EXISTS in pipelined batches, so a queue of a million never blocks Redis for long.
 */
public final class QueueEndReader {
    static final String EVENT_QUEUES = "queue:event:*";
    private static final int PAGE = 1_000;

    private QueueEndReader() {
    }

    public static QueueEndFile.QueueEnd read(UnifiedJedis redis) {
        long takenAt = System.currentTimeMillis();
        List<QueueEndFile.EventQueue> events = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams keys = new ScanParams().match(EVENT_QUEUES).count(PAGE);
        do {
            ScanResult<String> page = redis.scan(cursor, keys, "zset");
            for (String key : page.getResult()) {
                events.add(event(redis, key));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return new QueueEndFile.QueueEnd(takenAt, events);
    }

    private static QueueEndFile.EventQueue event(UnifiedJedis redis, String key) {
        List<String> tokens = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams page = new ScanParams().count(PAGE);
        do {
            ScanResult<redis.clients.jedis.resps.Tuple> members = redis.zscan(key, cursor, page);
            members.getResult().forEach(tuple -> tokens.add(tuple.getElement()));
            cursor = members.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        long[] fingerprints = new long[tokens.size()];
        boolean[] heartbeats = new boolean[tokens.size()];
        for (int from = 0; from < tokens.size(); from += PAGE) {
            int to = Math.min(tokens.size(), from + PAGE);
            List<Response<Boolean>> exists = new ArrayList<>();
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (int i = from; i < to; i++) {
                    exists.add(pipeline.exists("heartbeat:" + tokens.get(i)));
                }
                pipeline.sync();
            }
            for (int i = from; i < to; i++) {
                fingerprints[i] = WaitingToken.of(tokens.get(i)).fingerprint();
                heartbeats[i] = exists.get(i - from).get();
            }
        }
        return new QueueEndFile.EventQueue(key, fingerprints, heartbeats);
    }
}
