package dev.queuebench.metrics.sampler;

import dev.queuebench.redis.InfoSnapshot;

/**
 * One INFO reply and when it was taken.
 *
 * @param info             the parsed reply
 * @param epochSec         the UTC second the sample belongs to (the sampler's tick), the {@code server.csv} row time
 * @param localMonotonicMicros the sampler's monotonic clock when the reply arrived, for Δt when the
 *                         server does not report {@code server_time_usec}
 */
public record InfoReading(InfoSnapshot info, long epochSec, long localMonotonicMicros) {
    /** Seconds between two readings: the server's clock when both have it, else the sampler's. */
    public double elapsedSecSince(InfoReading previous) {
        var now = info.longValue("server_time_usec");
        var before = previous.info.longValue("server_time_usec");
        long micros = now.isPresent() && before.isPresent() && now.getAsLong() > before.getAsLong()
                ? now.getAsLong() - before.getAsLong()
                : localMonotonicMicros - previous.localMonotonicMicros;
        return micros / 1e6;
    }
}
