package dev.queuebench.simulations;

import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import dev.queuebench.profile.ClientBehaviour;
import dev.queuebench.rundir.JourneyEnd;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One waiting-room user, as real clients behave: join; then poll status every 2 s with jitter (the
 * poll is the heartbeat); when a poll says {@code ready_for_entry}, the next call is enter, and a
 * 403 {@code NOT_READY} means back off and poll again; an admitted user is done. After the last
 * poll, a fraction of users leave; a fraction abandons half-way and simply stops polling, so its
 * heartbeat expires on the server. A user whose token is refused ({@code TOKEN_EXPIRED},
 * {@code TOKEN_NOT_FOUND}) has lost their place: the journey ends there, once. A fraction of users
 * double-click enter ({@link TwinEnter}). What every user saw goes to the journey log
 * ({@link JourneyRecorder}) for the integrity audit.
 *
 * <p>With {@code qb.requestRate} set, {@link ArrivalControl} schedules as many users each second as
 * keep the request rate on the plan. queuebench's {@code JourneyShape}
 * models this journey for the ages the control has not observed yet; keep the two in step.
 */
public final class QueueJourney {
    private static final AtomicLong USERS = new AtomicLong();

    private QueueJourney() {
    }

    static ChainBuilder chain() {
        JourneyRecorder recorder = JourneyConfig.RECORDER;
        return exec(StopRequest.check())
                .exec(QueueJourney::arrive)
                .exec(JourneyRecorder::sending)
                .exec(QueueRequests.join())
                .exec(recorder::joined)
                .exec(session -> session.isFailed() ? ended(session) : session)
                .exitHereIfFailed()
                .repeat(session -> session.getInt(SessionKeys.POLLS)).on(
                        pause(JourneyConfig.POLL_INTERVAL.minus(JourneyConfig.POLL_JITTER),
                                JourneyConfig.POLL_INTERVAL.plus(JourneyConfig.POLL_JITTER))
                        .exec(StopRequest.check())
                        .exec(QueueJourney::twinGranted)
                        .exitHereIf(session -> isAdmitted(session))
                        .exec(QueueJourney::sending)
                        .doIfOrElse(session -> session.contains(SessionKeys.REJOIN))
                        .then(exec(JourneyRecorder::sending)
                                .exec(QueueRequests.join())
                                .exec(recorder::joined)
                                .exec(session -> session.contains(SessionKeys.TOKEN) ? session : ended(session))
                                .exitHereIf(session -> !session.contains(SessionKeys.TOKEN)))
                        .orElse(doIfOrElse(session -> "true".equals(session.getString(SessionKeys.READY)))
                        .then(exec(QueueJourney::doubleClick)
                                .exec(JourneyRecorder::sending)
                                .exec(QueueRequests.enter())
                                .exec(recorder::entered)
                                .exec(session -> isAdmitted(session) ? ended(session, JourneyEnd.ADMITTED) : session)
                                .exitHereIf(session -> isAdmitted(session))
                                .exec(QueueJourney::endIfLost)
                                .exitHereIf(JourneyRecorder::isLost)
                                .exec(session -> session.set(SessionKeys.READY, "false"))
                                .pause(JourneyConfig.NOT_READY_BACKOFF))
                        .orElse(exec(JourneyRecorder::sending)
                                .exec(QueueRequests.status())
                                .exec(recorder::polled)
                                .exec(session -> isAdmitted(session) ? ended(session, JourneyEnd.ADMITTED) : session)
                                .exitHereIf(session -> isAdmitted(session))
                                .exec(QueueJourney::endIfLost)
                                .exitHereIf(JourneyRecorder::isLost))))
                .doIf(session -> session.getBoolean(SessionKeys.LEAVES))
                .then(exec(QueueJourney::sending).exec(JourneyRecorder::sending).exec(QueueRequests.leave())
                        .exec(recorder::left))
                .exec(session -> ended(session, session.getBoolean(SessionKeys.LEAVES) ? JourneyEnd.LEFT
                        : session.getBoolean(SessionKeys.ABANDONS) ? JourneyEnd.ABANDONED : JourneyEnd.GAVE_UP));
    }

    /** A double click whose other enter was granted: the user is in. */
    private static Session twinGranted(Session session) {
        if (session.getBoolean(SessionKeys.CLICKED_TWICE)
                && JourneyConfig.TWIN_ENTER.tookGrant(session.getLong(SessionKeys.USER_NUMBER))) {
            return ended(session.set(SessionKeys.ENTER_STATUS, 200), JourneyEnd.ADMITTED);
        }
        return session;
    }

    /** The first enter of a double-clicking user goes out twice at once. */
    private static Session doubleClick(Session session) {
        if (session.getBoolean(SessionKeys.DOUBLE_ENTER)) {
            JourneyConfig.TWIN_ENTER.send(session.getLong(SessionKeys.USER_NUMBER), session.getString(SessionKeys.TOKEN));
            return session.set(SessionKeys.DOUBLE_ENTER, false).set(SessionKeys.CLICKED_TWICE, true);
        }
        return session;
    }

    /**
     * A refused token ends the journey there, counted once as lost. A user who rejoins
     * ({@code qb.whenLost=rejoin}) comes back as a new journey (a new user number, the same user id)
     * whose next step is a join.
     */
    private static Session endIfLost(Session session) {
        if (!JourneyRecorder.isLost(session)) {
            return session;
        }
        if (JourneyConfig.WHEN_LOST != ClientBehaviour.WhenLost.REJOIN) {
            return ended(session, JourneyEnd.LOST);
        }
        // For the arrival control it is one journey that goes on; for the audit, a lost one and a new one.
        JourneyConfig.RECORDER.end(session, JourneyEnd.LOST);
        long user = USERS.getAndIncrement();
        return session.remove(SessionKeys.LOST).remove(SessionKeys.TOKEN).set(SessionKeys.REJOIN, true)
                .set(SessionKeys.USER_NUMBER, user).set(SessionKeys.READY, "false")
                .set(SessionKeys.IDEMPOTENCY_KEY, "rejoin-" + user + "-" + session.getString(SessionKeys.USER_ID));
    }

    private static Session ended(Session session, JourneyEnd end) {
        if (session.getBoolean(SessionKeys.CLICKED_TWICE)) {
            JourneyConfig.TWIN_ENTER.tookGrant(session.getLong(SessionKeys.USER_NUMBER));
        }
        JourneyConfig.RECORDER.end(session, end);
        return ended(session);
    }

    /** A scheduled journey begins: the arrival control counts it alive from now. */
    private static Session arrive(Session session) {
        long now = System.nanoTime();
        if (JourneyConfig.ARRIVAL_CONTROL != null) {
            JourneyConfig.ARRIVAL_CONTROL.journeyStarted(now);
        }
        return newUser(session).set(SessionKeys.JOIN_NANOS, now);
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
        int eventIndex = (int) (user % JourneyConfig.EVENTS);
        return session
                .set(SessionKeys.USER_NUMBER, user)
                .set(SessionKeys.EVENT_INDEX, eventIndex)
                .set(SessionKeys.ABANDONS, abandons)
                .set(SessionKeys.DOUBLE_ENTER, random.nextDouble() < JourneyConfig.DOUBLE_ENTER_FRACTION)
                .set(SessionKeys.CLICKED_TWICE, false)
                .set(SessionKeys.EVENT_ID, "evt-" + eventIndex)
                .set(SessionKeys.USER_ID, userId)
                .set(SessionKeys.IDEMPOTENCY_KEY, "join-" + userId)
                .set(SessionKeys.POLLS, polls)
                .set(SessionKeys.READY, "false")
                .set(SessionKeys.LEAVES, !abandons && random.nextDouble() < JourneyConfig.LEAVE_FRACTION);
    }
}
