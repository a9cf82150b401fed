package dev.queuebench.gateway;

import java.util.List;

/**
 * {@code DELETE /api/v1/queue/leave?token=}: GET the queue data (absent is 404
 * {@code TOKEN_NOT_FOUND}), then one pipeline: ZREM from both indexes, DEL the queue data and the
 * heartbeat. Answers 200 {@code {"status":"left"}}.
 */
public final class LeaveOperation {
    private final QueueStore store;

    public LeaveOperation(QueueStore store) {
        this.store = store;
    }

    public void leave(String token) {
        QueueEntry entry = QueueStore.fromJson(store.primary().get(QueueKeys.queueData(token)));
        if (entry == null) {
            throw new QueueException(QueueError.TOKEN_NOT_FOUND, "no queue entry for this waiting token");
        }
        AbandonedEntries.removeAll(store, entry.eventId(), List.of(token));
    }
}
