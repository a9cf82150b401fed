package dev.queuebench.analysis;

import java.util.Map;

/**
 * The run second by second on one axis, for the report's charts and for compare and gate.
 *
 * @param epochSec     every second from the first to the last request, gaps included
 * @param intendedRps  the profile's planned total rate
 * @param achievedRps  requests started
 * @param koPerSec     failed requests
 * @param latencyMicros per request name and {@code all}: {@code p50}, {@code p99}; NaN where a second has none
 */
public record Timeline(long[] epochSec, double[] intendedRps, double[] achievedRps, double[] koPerSec,
        Map<String, Map<String, double[]>> latencyMicros) {
}
