package dev.queuebench.analysis;

import java.util.Map;

/**
 * What one kind of request costs the server, fitted over the run's seconds:
 * {@code server rate(t) = Σ cost[kind] × requests of kind started in t + background}, with every
 * cost non-negative (least squares).
 *
 * @param resource        what is measured, e.g. {@code engine_cpu_micros} (main-thread CPU µs)
 * @param perRequest      cost per request by request name
 * @param backgroundPerSec cost per second that no request explains (serverCron, the sampler, replication)
 * @param meanPerRequest  (total − background) ÷ all requests: the mix's average, reliable even when the
 *                        split between kinds is not
 * @param rSquared        share of the variance the fit explains
 * @param splitReliable   false when the request kinds moved together too closely to tell apart
 * @param seconds         seconds in the fit
 */
public record RequestCost(String resource, Map<String, Double> perRequest, double backgroundPerSec,
        double meanPerRequest, double rSquared, boolean splitReliable, int seconds) {
}
