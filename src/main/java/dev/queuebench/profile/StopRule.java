package dev.queuebench.profile;

/**
 * When a climbing profile ({@code stairs}) stops: after a hold step whose p99 exceeded
 * {@code p99LimitMillis} or whose KO share exceeded {@code errorLimitPercent}. The step that broke
 * is kept in the results: it is the evidence for the knee.
 */
public record StopRule(double p99LimitMillis, double errorLimitPercent) {
    public StopRule {
        if (p99LimitMillis <= 0 || errorLimitPercent <= 0) {
            throw new IllegalArgumentException("stop limits must be > 0");
        }
    }
}
