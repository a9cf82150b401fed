package dev.queuebench.gateway;

/**
 * The error codes of the real gateway's {@code {"error":{"code","message","trace_id"}}} body, with
 * the HTTP status each is sent with.
 */
public enum QueueError {
    INVALID_REQUEST(400),
    NOT_READY(403),
    TOKEN_NOT_FOUND(404),
    TOKEN_EXPIRED(404),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    REQUEST_TIMEOUT(408),
    DUPLICATE_REQUEST(409),
    PAYLOAD_TOO_LARGE(413),
    RATE_LIMITED(429),
    INTERNAL_ERROR(500),
    REDIS_UNAVAILABLE(503);

    private final int httpStatus;

    QueueError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
