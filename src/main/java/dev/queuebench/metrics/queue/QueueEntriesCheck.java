package dev.queuebench.metrics.queue;

import dev.queuebench.rundir.DrillEvents;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;

/**
 * The queue's entries before and after a drill: which of the tokens waiting just before it are gone
 * just after, and of those, which went with their queue data ({@code queue:waiting:<token>}). An
 * admitted user's data stays (enter removes the token from the queue only), a user who left or was
 * swept takes it along, and so does a Redis that forgot it: {@code lost} counts those, so it also counts
 * the few users who left during the drill itself.
 */
public final class QueueEntriesCheck {
    /** The tokens waiting at one moment, by event queue. */
    public record Snapshot(Set<String> tokens) {
    }

    private QueueEntriesCheck() {
    }

    public static Snapshot snapshot(UnifiedJedis redis) {
        Set<String> tokens = new HashSet<>();
        for (String key : QueueScan.eventQueues(redis)) {
            tokens.addAll(QueueScan.members(redis, key));
        }
        return new Snapshot(tokens);
    }

    /** Compares the queue now with {@code before}. */
    public static DrillEvents.QueueCount since(UnifiedJedis redis, Snapshot before) {
        Snapshot after = snapshot(redis);
        List<String> gone = new ArrayList<>();
        for (String token : before.tokens()) {
            if (!after.tokens().contains(token)) {
                gone.add(token);
            }
        }
        boolean[] dataKept = QueueScan.exists(redis, gone, token -> QueueScan.QUEUE_DATA_PREFIX + token);
        long lost = 0;
        for (boolean kept : dataKept) {
            if (!kept) {
                lost++;
            }
        }
        return new DrillEvents.QueueCount(before.tokens().size(), after.tokens().size(), gone.size(), lost);
    }
}
