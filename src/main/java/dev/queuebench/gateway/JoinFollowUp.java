package dev.queuebench.gateway;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The part of a join that the real gateway does after answering: read the user's stream entry back
 * (XRANGE), find the position (ZRANK in the position index) and store it with the queue data (SET).
 * Three more round trips per join that load Redis but not the join's latency. When the executor is
 * full the work is dropped and counted: status computes positions on its own, so nothing breaks.
 */
final class JoinFollowUp {
    private static final Logger LOG = LoggerFactory.getLogger(JoinFollowUp.class);

    private final QueueStore store;
    private final Executor executor;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    JoinFollowUp(QueueStore store, Executor executor) {
        this.store = store;
        this.executor = executor;
    }

    void schedule(QueueEntry entry, String streamKey, String streamId) {
        try {
            executor.execute(() -> run(entry, streamKey, streamId));
        } catch (RejectedExecutionException e) {
            dropped.incrementAndGet();
        }
    }

    void run(QueueEntry entry, String streamKey, String streamId) {
        try {
            List<StreamEntry> written = store.primary().xrange(streamKey, streamId, streamId);
            Long rank = store.primary().zrank(QueueKeys.positionIndex(entry.eventId()), entry.waitingToken());
            if (written.isEmpty() || rank == null) {
                // The user left or was admitted before this ran: nothing to update.
                return;
            }
            store.primary().set(QueueKeys.queueData(entry.waitingToken()),
                    QueueStore.toJson(entry.withPosition(rank + 1, streamId)),
                    SetParams.setParams().ex(store.settings().queueDataTtlSec()));
        } catch (RuntimeException e) {
            if (failed.incrementAndGet() == 1) {
                LOG.warn("join follow-up failed (further failures are counted, not logged): {}", e.toString());
            }
        }
    }

    long droppedCount() {
        return dropped.get();
    }
}
