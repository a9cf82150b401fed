package dev.queuebench.simulations;

/** The session attributes the journey reads and writes. */
final class SessionKeys {
    static final String EVENT_ID = "eventId";
    static final String USER_ID = "userId";
    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    static final String TOKEN = "waitingToken";
    static final String READY = "readyForEntry";
    static final String ENTER_STATUS = "enterStatus";
    static final String POLLS = "pollsThisUser";
    static final String LEAVES = "leaves";
    static final String JOURNEY = "startsJourney";
    static final String JOIN_NANOS = "joinNanos";

    private SessionKeys() {
    }
}
