package dev.queuebench.rundir;

/** How a journey ended, as {@code journeys.bin.gz} stores it. A journey with no end was still going when the run stopped. */
public enum JourneyEnd {
    /** Granted entry. */
    ADMITTED,
    /** Sent leave after its last poll. */
    LEFT,
    /** Stopped polling half-way, as a user who closes the tab: the heartbeat expires on the server. */
    ABANDONED,
    /** Made all its polls without being admitted and did not leave. */
    GAVE_UP,
    /** Its waiting token was refused ({@code TOKEN_EXPIRED} / {@code TOKEN_NOT_FOUND}); the journey stopped there. */
    LOST,
    /** Its join failed, so it never held a place. */
    JOIN_FAILED;

    private static final JourneyEnd[] VALUES = values();

    static JourneyEnd ofCode(int code) {
        if (code < 0 || code >= VALUES.length) {
            throw new IllegalArgumentException("unknown journey end code " + code);
        }
        return VALUES[code];
    }
}
