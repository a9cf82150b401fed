package dev.queuebench.gateway;

/**
 * Every tunable of the reference gateway, with the real gateway's values as defaults (DESIGN.md,
 * "The real system being modelled"). Tests shorten the TTLs; load tests keep the defaults so that
 * key counts and memory match production.
 *
 * @param queueDataTtlSec       TTL of {@code queue:waiting:<token>} (30 min)
 * @param eventIndexTtlSec      TTL of {@code queue:event:{evt}} and {@code position_index:{evt}}, renewed on each join (1 h)
 * @param heartbeatTtlSec       TTL of {@code heartbeat:<token>}, renewed by every status poll (5 min)
 * @param dedupeTtlSec          TTL of {@code dedupe:{evt}:<key>} written by the enqueue script (300 s)
 * @param reservationTtlSec     TTL of {@code queue:reservation:<uuid>} granted by enter (30 s)
 * @param admissionMetricWindowSec how long admissions stay in {@code metrics:admission:<evt>}: the longest ETA window (15 min)
 * @param bucketCapacityTokens  admission token bucket capacity (500)
 * @param bucketRefillPerSec    admission token bucket refill (50 tokens/s)
 * @param bucketBypassMaxPosition positions 1..this bypass the admission bucket (10)
 * @param eligibleMaxPosition   positions 1..this may enter at all (100)
 * @param rateLimitCapacityTokens rate-limit bucket capacity per client address; 0 disables the middleware
 * @param rateLimitRefillPerSec rate-limit bucket refill per client address
 * @param maxBodyBytes          request bodies above this size get 413 {@code PAYLOAD_TOO_LARGE}
 * @param sweepIntervalMillis   how often the sweeper removes queue heads whose heartbeat expired
 * @param sweepBatchSize        how many queue heads one sweep inspects per event
 */
public record GatewaySettings(
        int queueDataTtlSec,
        int eventIndexTtlSec,
        int heartbeatTtlSec,
        int dedupeTtlSec,
        int reservationTtlSec,
        int admissionMetricWindowSec,
        int bucketCapacityTokens,
        int bucketRefillPerSec,
        int bucketBypassMaxPosition,
        int eligibleMaxPosition,
        int rateLimitCapacityTokens,
        int rateLimitRefillPerSec,
        int maxBodyBytes,
        long sweepIntervalMillis,
        int sweepBatchSize) {

    public GatewaySettings {
        requirePositive("queueDataTtlSec", queueDataTtlSec);
        requirePositive("eventIndexTtlSec", eventIndexTtlSec);
        requirePositive("heartbeatTtlSec", heartbeatTtlSec);
        requirePositive("dedupeTtlSec", dedupeTtlSec);
        requirePositive("reservationTtlSec", reservationTtlSec);
        requirePositive("admissionMetricWindowSec", admissionMetricWindowSec);
        requirePositive("bucketCapacityTokens", bucketCapacityTokens);
        requirePositive("bucketRefillPerSec", bucketRefillPerSec);
        requirePositive("eligibleMaxPosition", eligibleMaxPosition);
        if (bucketBypassMaxPosition < 0 || bucketBypassMaxPosition > eligibleMaxPosition) {
            throw new IllegalArgumentException("bucketBypassMaxPosition must be between 0 and eligibleMaxPosition ("
                    + eligibleMaxPosition + "), was " + bucketBypassMaxPosition);
        }
        if (rateLimitCapacityTokens < 0 || rateLimitRefillPerSec < 0) {
            throw new IllegalArgumentException("rate limit capacity and refill must be >= 0 (0 disables the rate limit)");
        }
        if (rateLimitCapacityTokens > 0 && rateLimitRefillPerSec == 0) {
            throw new IllegalArgumentException("rateLimitRefillPerSec must be > 0 when the rate limit is enabled");
        }
        requirePositive("maxBodyBytes", maxBodyBytes);
        requirePositive("sweepIntervalMillis", sweepIntervalMillis);
        requirePositive("sweepBatchSize", sweepBatchSize);
    }

    /** The real gateway's values. The rate limit is generous: a load test comes from few addresses. */
    public static GatewaySettings defaults() {
        return new GatewaySettings(1800, 3600, 300, 300, 30, 900, 500, 50, 10, 100,
                100_000, 100_000, 16 * 1024, 5_000, 200);
    }

    public boolean rateLimitEnabled() {
        return rateLimitCapacityTokens > 0;
    }

    public GatewaySettings withHeartbeatTtlSec(int seconds) {
        return new GatewaySettings(queueDataTtlSec, eventIndexTtlSec, seconds, dedupeTtlSec, reservationTtlSec,
                admissionMetricWindowSec, bucketCapacityTokens, bucketRefillPerSec, bucketBypassMaxPosition,
                eligibleMaxPosition, rateLimitCapacityTokens, rateLimitRefillPerSec, maxBodyBytes,
                sweepIntervalMillis, sweepBatchSize);
    }

    public GatewaySettings withSweepIntervalMillis(long millis) {
        return new GatewaySettings(queueDataTtlSec, eventIndexTtlSec, heartbeatTtlSec, dedupeTtlSec, reservationTtlSec,
                admissionMetricWindowSec, bucketCapacityTokens, bucketRefillPerSec, bucketBypassMaxPosition,
                eligibleMaxPosition, rateLimitCapacityTokens, rateLimitRefillPerSec, maxBodyBytes,
                millis, sweepBatchSize);
    }

    public GatewaySettings withAdmissionBucket(int capacityTokens, int refillPerSec) {
        return new GatewaySettings(queueDataTtlSec, eventIndexTtlSec, heartbeatTtlSec, dedupeTtlSec, reservationTtlSec,
                admissionMetricWindowSec, capacityTokens, refillPerSec, bucketBypassMaxPosition,
                eligibleMaxPosition, rateLimitCapacityTokens, rateLimitRefillPerSec, maxBodyBytes,
                sweepIntervalMillis, sweepBatchSize);
    }

    public GatewaySettings withRateLimit(int capacityTokens, int refillPerSec) {
        return new GatewaySettings(queueDataTtlSec, eventIndexTtlSec, heartbeatTtlSec, dedupeTtlSec, reservationTtlSec,
                admissionMetricWindowSec, bucketCapacityTokens, bucketRefillPerSec, bucketBypassMaxPosition,
                eligibleMaxPosition, capacityTokens, refillPerSec, maxBodyBytes,
                sweepIntervalMillis, sweepBatchSize);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
