package dev.queuebench.gate;

/**
 * One metric of one request in one load step, on both runs, and how it changed.
 *
 * @param step       a measured step's name, or {@code measured} for all ramps and holds together
 * @param request    a request name or {@code all}; {@code run} for run-level metrics
 * @param metric     e.g. {@code p99_ms}, {@code engine_cpu_micros_per_request}
 * @param change     candidate against baseline: percent, or percentage points when {@code changeInPoints}
 * @param fewest     the run with fewer requests behind a percentile: its requests in the step and
 *                   the step's length; null where it does not apply
 */
public record Difference(String step, String request, String metric, String unit, Estimate baseline,
        Estimate candidate, Estimate change, boolean changeInPoints, boolean higherIsBetter, RequestSample fewest) {
}
