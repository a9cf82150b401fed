package dev.queuebench.gateway;

import dev.queuebench.redis.QueueScript;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.Executor;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * {@code POST /api/v1/queue/join}: the real gateway's Redis work, in its round trips.
 *
 * <ol>
 *   <li>EVALSHA enqueue.lua: EXISTS {@code dedupe:{evt}:<key>}; if new, XADD
 *       {@code stream:event:{evt}:user:<uid>} and SETEX the dedupe key for 300 s.</li>
 *   <li>One pipeline: SET {@code queue:waiting:<token>} (30 min), ZADD + EXPIRE
 *       {@code queue:event:{evt}} and {@code position_index:{evt}} (score = join time in ms, 1 h),
 *       SET {@code heartbeat:<token>} (5 min), and ZCARD of the position index for the position
 *       hint (no extra round trip: the real gateway's hint is likewise approximate).</li>
 *   <li>Off the request path ({@link JoinFollowUp}): XRANGE of the user's entry, ZRANK in the
 *       position index, SET of the queue data with the position.</li>
 * </ol>
 *
 * The dedupe key is the {@code Idempotency-Key} header when sent, else the user id: without the
 * header, a user joining the same event twice within 300 s gets 409 as well.
 */
public final class JoinOperation {
    /** A successful join: 202 {@code {"waiting_token","position_hint","status":"waiting"}}. */
    public record Joined(String waitingToken, long positionHint) {
    }

    private final QueueStore store;
    private final JoinFollowUp followUp;
    private final double dropPositionWritesFraction;

    public JoinOperation(QueueStore store, Executor followUpExecutor) {
        this(store, followUpExecutor, InjectedRegressions.none());
    }

    public JoinOperation(QueueStore store, Executor followUpExecutor, InjectedRegressions injected) {
        this.store = store;
        this.followUp = new JoinFollowUp(store, followUpExecutor);
        this.dropPositionWritesFraction = injected.dropPositionWritesFraction();
    }

    public Joined join(String eventId, String userId, String idempotencyKey) {
        GatewaySettings settings = store.settings();
        String token = UUID.randomUUID().toString();
        long nowMillis = store.nowMillis();
        String dedupeKey = QueueKeys.dedupe(eventId, idempotencyKey == null ? userId : idempotencyKey);
        String streamKey = QueueKeys.userStream(eventId, userId);

        Object streamId = store.scripts().evalsha(QueueScript.ENQUEUE,
                List.of(dedupeKey, streamKey),
                List.of(Integer.toString(settings.dedupeTtlSec()),
                        "waiting_token", token, "event_id", eventId, "joined_at_ms", Long.toString(nowMillis)));
        if (!(streamId instanceof String)) {
            throw new QueueException(QueueError.DUPLICATE_REQUEST,
                    "a join for this user or Idempotency-Key was already accepted in the last "
                            + settings.dedupeTtlSec() + " s");
        }

        QueueEntry entry = new QueueEntry(token, eventId, userId, nowMillis, QueueEntry.WAITING, 0, null, null);
        String eventQueue = QueueKeys.eventQueue(eventId);
        String positionIndex = QueueKeys.positionIndex(eventId);
        Response<Long> queueLength;
        try (AbstractPipeline pipeline = store.primary().pipelined()) {
            pipeline.set(QueueKeys.queueData(token), QueueStore.toJson(entry),
                    SetParams.setParams().ex(settings.queueDataTtlSec()));
            pipeline.zadd(eventQueue, nowMillis, token);
            pipeline.expire(eventQueue, settings.eventIndexTtlSec());
            if (dropPositionWritesFraction == 0
                    || ThreadLocalRandom.current().nextDouble() >= dropPositionWritesFraction) {
                pipeline.zadd(positionIndex, nowMillis, token);
            } // else TEST-ONLY: a lost write (InjectedRegressions)
            pipeline.expire(positionIndex, settings.eventIndexTtlSec());
            pipeline.set(QueueKeys.heartbeat(token), "1", SetParams.setParams().ex(settings.heartbeatTtlSec()));
            queueLength = pipeline.zcard(positionIndex);
            pipeline.sync();
        }
        followUp.schedule(entry, streamKey, (String) streamId);
        return new Joined(token, queueLength.get());
    }
}
