package dev.queuebench.simulations;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One waiting-room user, as real clients behave: join; then poll status every 2 s with jitter (the
 * poll is the heartbeat); when a poll says {@code ready_for_entry}, the next call is enter, and a
 * 403 {@code NOT_READY} means back off and poll again; an admitted user is done. After the last
 * poll, a fraction of users leave; a fraction abandons half-way and simply stops polling, so its
 * heartbeat expires on the server.
 *
 * <p>Not every injected user makes the journey: with {@code qb.requestRate} set, {@link ArrivalControl}
 * picks the ones that do so that the request rate follows the plan. queuebench's {@code JourneyShape}
 * models this journey for the ages the control has not observed yet; keep the two in step.
 */
public final class QueueJourney {
    private static final AtomicLong USERS = new AtomicLong();

    private QueueJourney() {
    }

    static ChainBuilder chain() {
        return exec(StopRequest.check())
                .exec(QueueJourney::arrive)
                .exitHereIf(session -> !session.getBoolean(SessionKeys.JOURNEY))
                .exec(QueueRequests.join())
                .exec(session -> session.isFailed() ? ended(session) : session)
                .exitHereIfFailed()
                .repeat(session -> session.getInt(SessionKeys.POLLS)).on(
                        pause(JourneyConfig.POLL_INTERVAL.minus(JourneyConfig.POLL_JITTER),
                                JourneyConfig.POLL_INTERVAL.plus(JourneyConfig.POLL_JITTER))
                        .exec(StopRequest.check())
                        .exec(QueueJourney::sending)
                        .doIfOrElse(session -> "true".equals(session.getString(SessionKeys.READY)))
                        .then(exec(QueueRequests.enter())
                                .exec(session -> isAdmitted(session) ? ended(session) : session)
                                .exitHereIf(session -> isAdmitted(session))
                                .exec(session -> session.set(SessionKeys.READY, "false"))
                                .pause(JourneyConfig.NOT_READY_BACKOFF))
                        .orElse(exec(QueueRequests.status())))
                .doIf(session -> session.getBoolean(SessionKeys.LEAVES))
                .then(exec(QueueJourney::sending).exec(QueueRequests.leave()))
                .exec(QueueJourney::ended);
    }

    /** Asks the arrival control whether this injected user starts a journey (every one does without it). */
    private static Session arrive(Session session) {
        ArrivalControl control = JourneyConfig.ARRIVAL_CONTROL;
        long now = System.nanoTime();
        if (control != null && !control.admitCandidate(now)) {
            return session.set(SessionKeys.JOURNEY, false);
        }
        return newUser(session).set(SessionKeys.JOURNEY, true).set(SessionKeys.JOIN_NANOS, now);
    }

    private static Session sending(Session session) {
        if (JourneyConfig.ARRIVAL_CONTROL != null) {
            JourneyConfig.ARRIVAL_CONTROL.requestSent(System.nanoTime(), session.getLong(SessionKeys.JOIN_NANOS));
        }
        return session;
    }

    private static Session ended(Session session) {
        if (JourneyConfig.ARRIVAL_CONTROL != null) {
            JourneyConfig.ARRIVAL_CONTROL.journeyEnded(System.nanoTime(), session.getLong(SessionKeys.JOIN_NANOS));
        }
        return session;
    }

    private static boolean isAdmitted(Session session) {
        return session.contains(SessionKeys.ENTER_STATUS) && session.getInt(SessionKeys.ENTER_STATUS) == 200;
    }

    private static Session newUser(Session session) {
        long user = USERS.getAndIncrement();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean abandons = random.nextDouble() < JourneyConfig.ABANDON_FRACTION;
        int polls = abandons
                ? 1 + random.nextInt(Math.max(1, JourneyConfig.POLLS_PER_USER / 2))
                : JourneyConfig.POLLS_PER_USER;
        String userId = JourneyConfig.USER_PREFIX + "-" + user;
        return session
                .set(SessionKeys.EVENT_ID, "evt-" + (user % JourneyConfig.EVENTS))
                .set(SessionKeys.USER_ID, userId)
                .set(SessionKeys.IDEMPOTENCY_KEY, "join-" + userId)
                .set(SessionKeys.POLLS, polls)
                .set(SessionKeys.READY, "false")
                .set(SessionKeys.LEAVES, !abandons && random.nextDouble() < JourneyConfig.LEAVE_FRACTION);
    }
}
