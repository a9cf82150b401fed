package dev.queuebench.gateway;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code GET /api/v1/queue/status?token=}: the poll that is also the heartbeat. Round trips, in order:
 *
 * <ol>
 *   <li>EXISTS {@code heartbeat:<token>} (reader). Absent: clean up (GET the queue data, then ZREM
 *       from both indexes and DEL the data in one pipeline) and answer 404 {@code TOKEN_EXPIRED}.</li>
 *   <li>EXPIRE {@code heartbeat:<token>} 5 min (primary).</li>
 *   <li>GET {@code queue:waiting:<token>} (reader).</li>
 *   <li>ZRANK {@code position_index:{evt}} (reader): the position.</li>
 *   <li>ZCOUNT {@code metrics:admission:<evt>} over 1, 5 and 15 minutes, pipelined (reader): the ETA.</li>
 *   <li>ZRANK {@code queue:event:{evt}} (reader): eligibility.</li>
 * </ol>
 *
 * With a separate reader (a replica), a miss on the reader is confirmed on the primary before it
 * counts: right after a join the replica may not have the new keys yet, and replication lag must not
 * evict a user who just joined. This costs an extra round trip only on a miss.
 */
public final class StatusOperation {
    /** 200 {@code {"status","position","eta_sec","waiting_time","ready_for_entry"}}. */
    public record Status(String status, long position, long etaSec, long waitingTimeSec, boolean readyForEntry) {
    }

    private final QueueStore store;
    private final Eligibility eligibility;
    private final EtaEstimator etaEstimator;

    private final InjectedRegressions injected;

    public StatusOperation(QueueStore store) {
        this(store, InjectedRegressions.none());
    }

    public StatusOperation(QueueStore store, InjectedRegressions injected) {
        this.store = store;
        this.injected = injected;
        this.eligibility = new Eligibility(store.settings().eligibleMaxPosition());
        this.etaEstimator = new EtaEstimator(store.settings().bucketRefillPerSec());
    }

    public Status status(String token) {
        UnifiedJedis reader = store.reader();
        String heartbeatKey = QueueKeys.heartbeat(token);
        if (!reader.exists(heartbeatKey) && !(store.hasSeparateReader() && store.primary().exists(heartbeatKey))) {
            // Absent on the primary as well: the user stopped polling.
            AbandonedEntries.remove(store, token);
            throw new QueueException(QueueError.TOKEN_EXPIRED,
                    "the waiting token has expired: no status poll for " + store.settings().heartbeatTtlSec()
                            + " s; join again");
        }
        store.primary().expire(heartbeatKey, store.settings().heartbeatTtlSec());

        String queueDataKey = QueueKeys.queueData(token);
        String json = reader.get(queueDataKey);
        if (json == null && store.hasSeparateReader()) {
            json = store.primary().get(queueDataKey);
        }
        QueueEntry entry = QueueStore.fromJson(json);
        if (entry == null) {
            throw new QueueException(QueueError.TOKEN_NOT_FOUND, "no queue entry for this waiting token");
        }
        injectRegressions(reader, entry.eventId());
        long nowMillis = store.nowMillis();
        long waitedMillis = Math.max(0, nowMillis - entry.joinedAtMillis());
        if (entry.admitted()) {
            return new Status(QueueEntry.ADMITTED, 0, 0, waitedMillis / 1000, false);
        }

        Long positionRank = rank(QueueKeys.positionIndex(entry.eventId()), token);
        if (positionRank == null) {
            throw new QueueException(QueueError.TOKEN_NOT_FOUND, "the waiting token is no longer in the queue");
        }
        long position = injected.stalePositions() && entry.position() > 0
                ? entry.position() // TEST-ONLY (InjectedRegressions): the position stored at join
                : positionRank + 1;
        long etaSec = etaEstimator.etaSec(position, admissionCounts(reader, entry.eventId(), nowMillis));
        if (injected.etaFactor() != 1) {
            etaSec = Math.round(etaSec * injected.etaFactor()); // TEST-ONLY (InjectedRegressions)
        }

        Long eventRank = rank(QueueKeys.eventQueue(entry.eventId()), token);
        boolean ready = eventRank != null
                && (injected.randomOrder() || eligibility.isReady(eventRank + 1, waitedMillis));
        return new Status(QueueEntry.WAITING, position, etaSec, waitedMillis / 1000, ready);
    }

    /** ZRANK on the reader, confirmed on the primary when the reader does not know the member. */
    private Long rank(String key, String token) {
        Long rank = store.reader().zrank(key, token);
        if (rank == null && store.hasSeparateReader()) {
            rank = store.primary().zrank(key, token);
        }
        return rank;
    }

    private static long[] admissionCounts(UnifiedJedis reader, String eventId, long nowMillis) {
        String key = QueueKeys.admissionMetric(eventId);
        @SuppressWarnings("unchecked")
        Response<Long>[] counts = new Response[EtaEstimator.WINDOWS_SEC.length];
        try (AbstractPipeline pipeline = reader.pipelined()) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = pipeline.zcount(key, nowMillis - EtaEstimator.WINDOWS_SEC[i] * 1000L, nowMillis);
            }
            pipeline.sync();
        }
        long[] values = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            values[i] = counts[i].get();
        }
        return values;
    }

    /** TEST-ONLY work, see {@link InjectedRegressions}. */
    private void injectRegressions(UnifiedJedis reader, String eventId) {
        if (injected.statusKeysScan()) {
            reader.keys(QueueKeys.userStream(eventId, "*"));
        }
        if (injected.statusDelayMillis() > 0) {
            try {
                Thread.sleep(injected.statusDelayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
