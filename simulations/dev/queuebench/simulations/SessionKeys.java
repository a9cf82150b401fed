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
    static final String JOIN_NANOS = "joinNanos";
    static final String USER_NUMBER = "userNumber";
    static final String EVENT_INDEX = "eventIndex";
    static final String ABANDONS = "abandons";
    static final String DOUBLE_ENTER = "doubleEnter";
    static final String CLICKED_TWICE = "clickedTwice";
    static final String LOST = "lost";
    static final String REJOIN = "rejoin";
    static final String SEND_MS = "sendMs";
    static final String HTTP_STATUS = "httpStatus";
    static final String BODY = "body";

    private SessionKeys() {
    }
}
