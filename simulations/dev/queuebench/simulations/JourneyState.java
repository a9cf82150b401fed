package dev.queuebench.simulations;

import io.gatling.javaapi.core.Session;

/**
 * What one waiting-room user knows (their ids, token, the last answer) and which request they send
 * next. One mutable object per user, kept in the Gatling session under {@link #KEY}: a user's steps
 * run one at a time, so nothing else touches it, and the journey pays one session update per user
 * instead of a dozen per request (the injector's CPU goes to sending).
 */
final class JourneyState {
    static final String KEY = "journey";

    /** The request a user sends next, or {@link Next#DONE} when their journey is over. */
    enum Next { JOIN, STATUS, ENTER, LEAVE, DONE }

    long userNumber;
    final int eventIndex;
    final String eventId;
    final String userId;
    String idempotencyKey;
    final boolean abandons;
    final boolean leaves;
    /** The first enter goes out twice at once ({@link TwinEnter}); false once it has. */
    boolean doubleEnter;
    boolean clickedTwice;
    /**
     * The request going out now is an enter with a double click's other enter beside it: when the other
     * claims the token first, this one's 404 ({@code TOKEN_NOT_FOUND}: no longer in the queue) is as
     * normal an answer for the losing click as a 403.
     */
    boolean twinBeside;
    /** Requests left after the join (polls, enters, a rejoin), the leave not counted. */
    int pollsLeft;
    /** System.nanoTime() of the journey's arrival: the arrival control ages its requests from it. */
    final long joinNanos;

    String token;
    boolean ready;
    /** The last enter said NOT_READY: the next poll waits the back-off too. */
    boolean notReady;
    /** The gateway let this user in (an enter, a double click's other enter, or a poll that says so). */
    boolean admitted;
    /** The gateway refused the token: the user has lost their place. */
    boolean lost;
    /** Lost and rejoining ({@code qb.whenLost=rejoin}): the next request is a join as a new user number. */
    boolean rejoin;
    Next next = Next.JOIN;

    /** The request in flight: its send time and, once answered, its status (0 for none) and body. */
    long sendMs;
    int httpStatus;
    String body;

    JourneyState(long userNumber, int eventIndex, String userPrefix, boolean abandons, boolean leaves,
            boolean doubleEnter, int polls, long joinNanos) {
        this.userNumber = userNumber;
        this.eventIndex = eventIndex;
        this.eventId = "evt-" + eventIndex;
        this.userId = userPrefix + "-" + userNumber;
        this.idempotencyKey = "join-" + userId;
        this.abandons = abandons;
        this.leaves = leaves;
        this.doubleEnter = doubleEnter;
        this.pollsLeft = polls;
        this.joinNanos = joinNanos;
    }

    static JourneyState of(Session session) {
        return (JourneyState) session.get(KEY);
    }

    /**
     * A request goes out now: the previous answer is forgotten, so one without an answer is seen as
     * such (and the back-off after a NOT_READY has been waited).
     */
    void sending(long nowMs) {
        notReady = false;
        twinBeside = false;
        sendMs = nowMs;
        httpStatus = 0;
        body = null;
    }

    boolean isDone() {
        return next == Next.DONE;
    }

    /**
     * After an answer that did not end the journey: the next poll, enter or rejoin while polls are
     * left, else the leave (for users who leave) or {@link Next#DONE}.
     */
    Next afterAnswer() {
        if (pollsLeft <= 0) {
            return leaves && !rejoin ? Next.LEAVE : Next.DONE;
        }
        return rejoin ? Next.JOIN : ready ? Next.ENTER : Next.STATUS;
    }

    /** Lost, the user comes back as {@code newUserNumber} (the same user id) and joins again. */
    void rejoinAs(long newUserNumber) {
        userNumber = newUserNumber;
        idempotencyKey = "rejoin-" + newUserNumber + "-" + userId;
        token = null;
        ready = false;
        lost = false;
        rejoin = true;
    }

    /** Milliseconds to wait before the next request: none before a leave, else the poll interval (jittered). */
    long pauseMillis(long intervalMs, long jitterMs, long notReadyBackoffMs, double random) {
        if (next == Next.LEAVE) {
            return 0;
        }
        long poll = intervalMs - jitterMs + Math.round(random * 2 * jitterMs);
        return notReady ? notReadyBackoffMs + poll : poll;
    }
}
