package dev.queuebench.gateway;

import dev.queuebench.redis.QueueScript;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.params.SetParams;

/**
 * {@code POST /api/v1/queue/enter}: admission. Round trips, in order (all on the primary):
 *
 * <ol>
 *   <li>GET {@code queue:waiting:<token>}: absent is 404 {@code TOKEN_NOT_FOUND}.</li>
 *   <li>ZRANK {@code queue:event:{evt}}: the same eligibility as status (position within 100 and
 *       the minimum wait), else 403 {@code NOT_READY}.</li>
 *   <li>Positions above 10 only: EVALSHA admission_bucket.lua on {@code admission:bucket:<evt>}
 *       (capacity 500, refill 50/s, the gateway's clock in seconds); no token is 403
 *       {@code NOT_READY}.</li>
 *   <li>The claim: ZREM from {@code queue:event:{evt}}; only the request that removes the token goes
 *       on (a double click's second enter is 403 {@code NOT_READY}), so no token is granted twice.</li>
 *   <li>One pipeline: SET {@code queue:reservation:<uuid>} (30 s), SET the queue data as admitted,
 *       DEL the heartbeat, ZREM from both indexes, ZADD {@code metrics:admission:<evt>} (score = now in
 *       ms) and trim it to the 15-minute ETA window.</li>
 * </ol>
 */
public final class EnterOperation {
    /** 200 {@code {"admission":"granted","reservation_token","ttl_sec":30}}. */
    public record Granted(String reservationToken, int ttlSec) {
    }

    private final QueueStore store;
    private final Eligibility eligibility;
    private final InjectedRegressions injected;

    public EnterOperation(QueueStore store) {
        this(store, InjectedRegressions.none());
    }

    public EnterOperation(QueueStore store, InjectedRegressions injected) {
        this.store = store;
        this.eligibility = new Eligibility(store.settings().eligibleMaxPosition());
        this.injected = injected;
    }

    public Granted enter(String token) {
        GatewaySettings settings = store.settings();
        QueueEntry entry = QueueStore.fromJson(store.primary().get(QueueKeys.queueData(token)));
        if (entry == null) {
            throw new QueueException(QueueError.TOKEN_NOT_FOUND, "no queue entry for this waiting token");
        }
        if (entry.admitted()) {
            throw new QueueException(QueueError.NOT_READY, "this waiting token was already admitted");
        }
        String eventQueue = QueueKeys.eventQueue(entry.eventId());
        Long rank = store.primary().zrank(eventQueue, token);
        if (rank == null) {
            throw new QueueException(QueueError.TOKEN_NOT_FOUND, "the waiting token is no longer in the queue");
        }
        long position = rank + 1;
        long nowMillis = store.nowMillis();
        boolean anyOrder = injected.randomOrder(); // TEST-ONLY (InjectedRegressions)
        if (!anyOrder && !eligibility.isReady(position, nowMillis - entry.joinedAtMillis())) {
            throw new QueueException(QueueError.NOT_READY, "position " + position + " is not ready for entry yet");
        }
        if ((anyOrder || position > settings.bucketBypassMaxPosition())
                && !takeAdmissionToken(entry.eventId(), nowMillis)) {
            throw new QueueException(QueueError.NOT_READY, "admission rate limit reached; poll status and retry");
        }
        // The claim: of two enters of one token at the same moment (a double click), only the one whose
        // ZREM removes it from the queue goes on, so a token is never granted twice.
        if (!injected.racyEnter() && store.primary().zrem(eventQueue, token) == 0) {
            throw new QueueException(QueueError.NOT_READY, "this waiting token was already admitted");
        }

        String reservationToken = UUID.randomUUID().toString();
        String admissionMetric = QueueKeys.admissionMetric(entry.eventId());
        try (AbstractPipeline pipeline = store.primary().pipelined()) {
            pipeline.set(QueueKeys.reservation(reservationToken),
                    "{\"waiting_token\":\"" + token + "\",\"event_id\":\"" + entry.eventId() + "\"}",
                    SetParams.setParams().ex(settings.reservationTtlSec()));
            pipeline.set(QueueKeys.queueData(token), QueueStore.toJson(entry.admittedWith(reservationToken)),
                    SetParams.setParams().ex(settings.queueDataTtlSec()));
            pipeline.del(QueueKeys.heartbeat(token));
            pipeline.zrem(eventQueue, token);
            pipeline.zrem(QueueKeys.positionIndex(entry.eventId()), token);
            pipeline.zadd(admissionMetric, nowMillis, token);
            // Keeps the metric to the longest ETA window; without it the set grows with every admission.
            pipeline.zremrangeByScore(admissionMetric, Double.NEGATIVE_INFINITY,
                    nowMillis - settings.admissionMetricWindowSec() * 1000.0);
            pipeline.expire(admissionMetric, settings.admissionMetricWindowSec());
            pipeline.sync();
        }
        return new Granted(reservationToken, settings.reservationTtlSec());
    }

    private boolean takeAdmissionToken(String eventId, long nowMillis) {
        GatewaySettings settings = store.settings();
        Object result = store.scripts().evalsha(QueueScript.ADMISSION_BUCKET,
                List.of(QueueKeys.admissionBucket(eventId)),
                List.of(Integer.toString(settings.bucketCapacityTokens()),
                        Integer.toString(settings.bucketRefillPerSec()),
                        String.format(Locale.ROOT, "%.3f", nowMillis / 1000.0),
                        "1"));
        return ScriptReplies.allowed(result);
    }
}
