package dev.queuebench.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * Removes users who stopped polling from the head of each event's queue. An abandoned user never
 * calls status again, so the status path alone cannot clean them up, and they would block the
 * first 100 positions that may enter. Each sweep reads the first {@code sweepBatchSize} tokens of
 * each event seen by this gateway (ZRANGE), checks their heartbeats in one pipeline (EXISTS) and
 * removes the dead ones in another. Only the head matters: deeper entries reach it later.
 */
public final class AbandonedUserSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AbandonedUserSweeper.class);
    private static final long JOIN_GRACE_MILLIS = 2_000;

    private final QueueStore store;
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final AtomicLong removedCount = new AtomicLong();
    private volatile boolean failing;

    public AbandonedUserSweeper(QueueStore store) {
        this.store = store;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "queue-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long intervalMillis = store.settings().sweepIntervalMillis();
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    public void watch(String eventId) {
        eventIds.add(eventId);
    }

    public long removedCount() {
        return removedCount.get();
    }

    private void sweepQuietly() {
        try {
            for (String eventId : eventIds) {
                removedCount.addAndGet(sweep(eventId));
            }
            if (failing) {
                LOG.info("abandoned-user sweeper is working again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("abandoned-user sweeper failed, will retry: {}", e.toString());
                failing = true;
            }
        }
    }

    /** One sweep of one event; returns how many abandoned users it removed. */
    int sweep(String eventId) {
        // A join writes the index before the heartbeat: skip entries younger than this grace period.
        long youngestMillis = store.nowMillis() - JOIN_GRACE_MILLIS;
        List<String> head = new ArrayList<>();
        for (Tuple member : store.primary().zrangeWithScores(QueueKeys.eventQueue(eventId), 0,
                store.settings().sweepBatchSize() - 1L)) {
            if (member.getScore() <= youngestMillis) {
                head.add(member.getElement());
            }
        }
        if (head.isEmpty()) {
            return 0;
        }
        List<Response<Boolean>> alive = new ArrayList<>(head.size());
        try (AbstractPipeline pipeline = store.primary().pipelined()) {
            for (String token : head) {
                alive.add(pipeline.exists(QueueKeys.heartbeat(token)));
            }
            pipeline.sync();
        }
        List<String> dead = new ArrayList<>();
        for (int i = 0; i < head.size(); i++) {
            if (!alive.get(i).get()) {
                dead.add(head.get(i));
            }
        }
        AbandonedEntries.removeAll(store, eventId, dead);
        return dead.size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
