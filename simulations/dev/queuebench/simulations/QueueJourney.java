package dev.queuebench.simulations;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;

import dev.queuebench.profile.ClientBehaviour;
import dev.queuebench.rundir.JourneyEnd;
import dev.queuebench.simulations.JourneyState.Next;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
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
 * <p>The decisions are plain Java on the user's {@link JourneyState}; Gatling runs seven steps per
 * request (the loop, the pause, the stop check, sending, the switch, the request, its answer),
 * because every Gatling step and session update is injector CPU that each request pays for.
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
        return exec(StopRequest.check())
                .exec(QueueJourney::arrive)
                .exec(QueueRequests.join())
                .exec(QueueJourney::answered)
                .asLongAs(session -> !JourneyState.of(session).isDone()).on(
                        pause(QueueJourney::waitBeforeNext)
                                .exec(StopRequest.check())
                                .exec(QueueJourney::sending)
                                .doSwitch(session -> JourneyState.of(session).next).on(
                                        onCase(Next.STATUS).then(exec(QueueRequests.status())),
                                        onCase(Next.ENTER).then(exec(QueueRequests.enter())),
                                        onCase(Next.JOIN).then(exec(QueueRequests.join())),
                                        onCase(Next.LEAVE).then(exec(QueueRequests.leave())))
                                .exec(QueueJourney::answered));
    }

    /** A scheduled journey begins: a new user, counted alive by the arrival control from now; the join goes next. */
    private static Session arrive(Session session) {
        long now = System.nanoTime();
        if (JourneyConfig.ARRIVAL_CONTROL != null) {
            JourneyConfig.ARRIVAL_CONTROL.journeyStarted(now);
        }
        JourneyState journey = newUser(now);
        journey.sending(System.currentTimeMillis());
        return session.set(JourneyState.KEY, journey);
    }

    private static Duration waitBeforeNext(Session session) {
        return Duration.ofMillis(JourneyState.of(session).pauseMillis(JourneyConfig.POLL_INTERVAL.toMillis(),
                JourneyConfig.POLL_JITTER.toMillis(), JourneyConfig.NOT_READY_BACKOFF.toMillis(),
                ThreadLocalRandom.current().nextDouble()));
    }

    /**
     * The next request goes out: counted by the arrival control, its send time marked. A double
     * click's other enter goes out with it; a user whose earlier double click was granted is in
     * and sends nothing more.
     */
    private static Session sending(Session session) {
        JourneyState journey = JourneyState.of(session);
        if (journey.clickedTwice && JourneyConfig.TWIN_ENTER.tookGrant(journey.userNumber)) {
            end(journey, JourneyEnd.ADMITTED);
            return session;
        }
        if (journey.next != Next.LEAVE) {
            journey.pollsLeft--;
        }
        if (JourneyConfig.ARRIVAL_CONTROL != null) {
            JourneyConfig.ARRIVAL_CONTROL.requestSent(System.nanoTime(), journey.joinNanos);
        }
        journey.sending(System.currentTimeMillis());
        if (journey.next == Next.ENTER && journey.doubleEnter) {
            journey.doubleEnter = false;
            journey.clickedTwice = true;
            journey.twinBeside = true;
            JourneyConfig.TWIN_ENTER.send(journey.userNumber, journey.token);
        }
        return session;
    }

    /** Reads the answer to the request just sent and decides what comes next. */
    private static Session answered(Session session) {
        JourneyState journey = JourneyState.of(session);
        JourneyRecorder recorder = JourneyConfig.RECORDER;
        switch (journey.next) {
            case JOIN -> {
                if (!recorder.joined(journey)) {
                    endUnrecorded(journey); // the recorder ended it: the join failed
                    return session;
                }
            }
            case STATUS -> recorder.polled(journey);
            case ENTER -> recorder.entered(journey);
            case LEAVE -> {
                recorder.left(journey);
                end(journey, JourneyEnd.LEFT);
                return session;
            }
            case DONE -> {
                return session;
            }
        }
        if (journey.admitted) {
            end(journey, JourneyEnd.ADMITTED);
        } else if (journey.lost) {
            lost(journey);
        } else {
            proceed(journey);
        }
        return session;
    }

    /**
     * A refused token ends the journey there, counted once as lost. A user who rejoins
     * ({@code qb.whenLost=rejoin}) comes back as a new journey (a new user number, the same user id)
     * whose next step is a join.
     */
    private static void lost(JourneyState journey) {
        if (JourneyConfig.WHEN_LOST != ClientBehaviour.WhenLost.REJOIN) {
            end(journey, JourneyEnd.LOST);
            return;
        }
        // For the arrival control it is one journey that goes on; for the audit, a lost one and a new one.
        JourneyConfig.RECORDER.end(journey, JourneyEnd.LOST);
        journey.rejoinAs(USERS.getAndIncrement());
        Next next = journey.afterAnswer();
        if (next == Next.DONE) {
            endUnrecorded(journey); // no request left for the rejoin: the new number never existed
        } else {
            journey.next = next;
        }
    }

    /** The next poll, enter, rejoin or leave, or the end of a user who has run out of polls. */
    private static void proceed(JourneyState journey) {
        Next next = journey.afterAnswer();
        if (next == Next.DONE) {
            end(journey, journey.abandons ? JourneyEnd.ABANDONED : JourneyEnd.GAVE_UP);
        } else {
            journey.next = next;
        }
    }

    private static void end(JourneyState journey, JourneyEnd end) {
        if (journey.clickedTwice) {
            JourneyConfig.TWIN_ENTER.tookGrant(journey.userNumber);
        }
        JourneyConfig.RECORDER.end(journey, end);
        endUnrecorded(journey);
    }

    /** Over for the arrival control; the journey log has its end already, or never had this user. */
    private static void endUnrecorded(JourneyState journey) {
        journey.next = Next.DONE;
        if (JourneyConfig.ARRIVAL_CONTROL != null) {
            JourneyConfig.ARRIVAL_CONTROL.journeyEnded(System.nanoTime(), journey.joinNanos);
        }
    }

    private static JourneyState newUser(long nowNanos) {
        long user = USERS.getAndIncrement();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean abandons = random.nextDouble() < JourneyConfig.ABANDON_FRACTION;
        int polls = abandons
                ? 1 + random.nextInt(Math.max(1, JourneyConfig.POLLS_PER_USER / 2))
                : JourneyConfig.POLLS_PER_USER;
        boolean doubleEnter = random.nextDouble() < JourneyConfig.DOUBLE_ENTER_FRACTION;
        boolean leaves = !abandons && random.nextDouble() < JourneyConfig.LEAVE_FRACTION;
        return new JourneyState(user, (int) (user % JourneyConfig.EVENTS), JourneyConfig.USER_PREFIX, abandons,
                leaves, doubleEnter, polls, nowNanos);
    }
}
