package dev.queuebench.gateway;

/**
 * The real gateway's Redis key names, in one place. Event ids appear inside a hash tag
 * ({@code {evt}}) wherever the real gateway puts them there, so that a clustered deployment keeps
 * one event's keys on one shard; the admission keys have no hash tag, as in the real gateway.
 */
public final class QueueKeys {
    private QueueKeys() {
    }

    public static String dedupe(String eventId, String idempotencyKey) {
        return "dedupe:{" + eventId + "}:" + idempotencyKey;
    }

    public static String userStream(String eventId, String userId) {
        return "stream:event:{" + eventId + "}:user:" + userId;
    }

    public static String queueData(String token) {
        return "queue:waiting:" + token;
    }

    public static String eventQueue(String eventId) {
        return "queue:event:{" + eventId + "}";
    }

    public static String positionIndex(String eventId) {
        return "position_index:{" + eventId + "}";
    }

    public static String heartbeat(String token) {
        return "heartbeat:" + token;
    }

    public static String reservation(String reservationToken) {
        return "queue:reservation:" + reservationToken;
    }

    public static String admissionMetric(String eventId) {
        return "metrics:admission:" + eventId;
    }

    public static String admissionBucket(String eventId) {
        return "admission:bucket:" + eventId;
    }

    public static String rateLimit(String clientAddress) {
        return "ratelimit:" + clientAddress;
    }
}
