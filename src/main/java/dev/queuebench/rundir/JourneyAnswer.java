package dev.queuebench.rundir;

/**
 * What one request of a journey was answered, as {@code journeys.bin.gz} stores it (one byte). The
 * gateway's error codes that matter to the integrity audit have their own value, so a token that
 * expired is never confused with one the gateway does not know.
 */
public enum JourneyAnswer {
    /** 2xx: join accepted, status answered, enter granted, leave done. */
    OK,
    /** 403 {@code NOT_READY}: enter refused for now (not eligible yet, or the admission bucket is empty). */
    NOT_READY,
    /** 404 {@code TOKEN_EXPIRED}: the heartbeat had expired; the gateway dropped the user. */
    TOKEN_EXPIRED,
    /** 404 {@code TOKEN_NOT_FOUND}: the gateway does not know the waiting token (any more). */
    TOKEN_NOT_FOUND,
    /** 409 {@code DUPLICATE_REQUEST}. */
    DUPLICATE_REQUEST,
    /** 429: rate limited. */
    RATE_LIMITED,
    /** 503: the gateway could not reach Redis. */
    UNAVAILABLE,
    /** Any other 4xx. */
    CLIENT_ERROR,
    /** Any other 5xx. */
    SERVER_ERROR,
    /** No HTTP answer: timeout, connection refused or reset. */
    NO_RESPONSE;

    private static final JourneyAnswer[] VALUES = values();

    /** A refusal of the waiting token itself: the user lost their place. */
    public boolean refusesToken() {
        return this == TOKEN_EXPIRED || this == TOKEN_NOT_FOUND;
    }

    /**
     * The answer of an HTTP status and the error code of an error body ({@code {"error":{"code":…}}}).
     *
     * @param httpStatus 0 when there was no answer
     * @param errorCode  the body's error code, or null
     */
    public static JourneyAnswer of(int httpStatus, String errorCode) {
        if (httpStatus == 0) {
            return NO_RESPONSE;
        }
        if (httpStatus >= 200 && httpStatus < 300) {
            return OK;
        }
        if (errorCode != null) {
            switch (errorCode) {
                case "NOT_READY": return NOT_READY;
                case "TOKEN_EXPIRED": return TOKEN_EXPIRED;
                case "TOKEN_NOT_FOUND": return TOKEN_NOT_FOUND;
                case "DUPLICATE_REQUEST": return DUPLICATE_REQUEST;
                default: break;
            }
        }
        if (httpStatus == 429) {
            return RATE_LIMITED;
        }
        if (httpStatus == 503) {
            return UNAVAILABLE;
        }
        if (httpStatus == 403) {
            return NOT_READY;
        }
        return httpStatus < 500 ? CLIENT_ERROR : SERVER_ERROR;
    }

    static JourneyAnswer ofCode(int code) {
        if (code < 0 || code >= VALUES.length) {
            throw new IllegalArgumentException("unknown answer code " + code);
        }
        return VALUES[code];
    }
}
