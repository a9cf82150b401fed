package dev.queuebench.jmh;

import java.util.Map;

/**
 * The arithmetic of admission_bucket.lua and rate_limit_bucket.lua, in Java, for the benchmarks that do
 * the scripts' work as plain commands: a missing bucket starts full, refill = elapsed time × rate capped
 * at capacity, elapsed time never negative, the key expires after {@code ceil(capacity / refill) × 2} s.
 *
 * @param tokens   tokens left after the call
 * @param lastTime the later of the stored and the current time, in the caller's unit
 * @param allowed  1 when the requested tokens were taken, else 0
 */
record TokenBucket(double tokens, double lastTime, long allowed) {

    /**
     * @param storedTokens   HMGET tokens, or null for a missing bucket
     * @param storedTime     HMGET ts, or null for a missing bucket
     * @param refillPerUnit  tokens per unit of {@code now} (per second, or per millisecond)
     */
    static TokenBucket take(String storedTokens, String storedTime, double capacity, double refillPerUnit,
            double now, double requested) {
        double tokens = capacity;
        double last = now;
        if (storedTokens != null && storedTime != null) {
            tokens = Double.parseDouble(storedTokens);
            last = Double.parseDouble(storedTime);
        }
        tokens = Math.min(capacity, tokens + Math.max(0, now - last) * refillPerUnit);
        long allowed = 0;
        if (tokens >= requested) {
            tokens -= requested;
            allowed = 1;
        }
        return new TokenBucket(tokens, Math.max(last, now), allowed);
    }

    /** The scripts' EXPIRE: {@code ceil(capacity / refill) * 2} s, from ARGV[1] capacity and ARGV[2] refill per second. */
    static long expirySec(ScriptCall call) {
        return (long) Math.ceil(Double.parseDouble(call.arg(0)) / Double.parseDouble(call.arg(1))) * 2;
    }

    /** The HSET fields the scripts write; {@code Double.toString} keeps a double exactly, like their %.17g. */
    Map<String, String> hashFields() {
        return Map.of("tokens", Double.toString(tokens), "ts", Double.toString(lastTime));
    }
}
