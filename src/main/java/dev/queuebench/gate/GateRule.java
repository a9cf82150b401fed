package dev.queuebench.gate;

/**
 * One rule of a gate file. Exactly one limit is set (the others are NaN).
 *
 * @param metric  a {@link Difference} metric ({@code p99_ms}, {@code error_rate_pct}, {@code throughput_rps},
 *                {@code engine_cpu_micros_per_request}, {@code delivered_requests_pct}, …) or {@code jmh}
 * @param request a request name, {@code all}, or {@code *} for every request name
 * @param step    a step name, a glob such as {@code hold-*}, {@code *} for every measured step, or
 *                {@code measured} for all ramps and holds together
 * @param max     absolute upper limit on the candidate
 * @param min     absolute lower limit on the candidate
 * @param maxIncreasePct relative limit: candidate at most this much above the baseline (points for error rates)
 * @param maxDecreasePct relative limit: candidate at most this much below the baseline
 * @param benchmark for {@code jmh} rules, a glob on the benchmark name
 */
public record GateRule(String name, String metric, String request, String step, double max, double min,
        double maxIncreasePct, double maxDecreasePct, String benchmark) {

    public boolean isJmh() {
        return "jmh".equals(metric);
    }

    public boolean relative() {
        return !Double.isNaN(maxIncreasePct) || !Double.isNaN(maxDecreasePct);
    }

    static boolean matches(String pattern, String value) {
        if (pattern.equals("*")) {
            return true;
        }
        String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q");
        return value.matches(regex);
    }
}
