package dev.queuebench.gateway;

import java.util.List;
import redis.clients.jedis.AbstractPipeline;

/**
 * Removes the queue state of users who stopped polling: a status call that finds no heartbeat, and
 * the {@link AbandonedUserSweeper}, both end here. Without it, abandoned users would hold the head
 * of the queue until the 1 h index TTL and nobody behind them could enter.
 */
final class AbandonedEntries {
    private AbandonedEntries() {
    }

    /** Looks the entry up (GET on the primary) and removes it; nothing to do when it is gone already. */
    static void remove(QueueStore store, String token) {
        QueueEntry entry = QueueStore.fromJson(store.primary().get(QueueKeys.queueData(token)));
        if (entry == null) {
            return;
        }
        removeAll(store, entry.eventId(), List.of(token));
    }

    /** One pipeline: ZREM from both indexes, DEL queue data and heartbeat of each token. */
    static void removeAll(QueueStore store, String eventId, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String[] members = tokens.toArray(new String[0]);
        try (AbstractPipeline pipeline = store.primary().pipelined()) {
            pipeline.zrem(QueueKeys.eventQueue(eventId), members);
            pipeline.zrem(QueueKeys.positionIndex(eventId), members);
            String[] keys = new String[members.length * 2];
            for (int i = 0; i < members.length; i++) {
                keys[2 * i] = QueueKeys.queueData(members[i]);
                keys[2 * i + 1] = QueueKeys.heartbeat(members[i]);
            }
            pipeline.del(keys);
            pipeline.sync();
        }
    }
}
