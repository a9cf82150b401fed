package dev.queuebench.metrics.queue;

import dev.queuebench.rundir.QueueEndFile;
import dev.queuebench.rundir.WaitingToken;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Reads the queue as Redis holds it at the end of a run, in the real gateway's key schema (DESIGN:
 * {@code queue:event:{evt}} sorted sets of waiting tokens, {@code heartbeat:<token>} keys): every
 * member of every event queue and whether its heartbeat still lives. SCAN and ZSCAN in pages and
 * EXISTS in pipelined batches, so a queue of a million never blocks Redis for long.
 */
public final class QueueEndReader {
    private QueueEndReader() {
    }

    public static QueueEndFile.QueueEnd read(UnifiedJedis redis) {
        long takenAt = System.currentTimeMillis();
        List<QueueEndFile.EventQueue> events = new ArrayList<>();
        for (String key : QueueScan.eventQueues(redis)) {
            List<String> tokens = QueueScan.members(redis, key);
            long[] fingerprints = new long[tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                fingerprints[i] = WaitingToken.of(tokens.get(i)).fingerprint();
            }
            events.add(new QueueEndFile.EventQueue(key, fingerprints, QueueScan.exists(redis, tokens,
                    token -> QueueScan.HEARTBEAT_PREFIX + token)));
        }
        return new QueueEndFile.QueueEnd(takenAt, events);
    }
}
