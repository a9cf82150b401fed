package dev.queuebench.metrics.alarm;

/** put-metric-alarm's ComparisonOperator (the static-threshold ones), named exactly as AWS names them. */
public enum Comparison {
    GreaterThanThreshold,
    GreaterThanOrEqualToThreshold,
    LessThanThreshold,
    LessThanOrEqualToThreshold;

    public boolean breaches(double value, double threshold) {
        return switch (this) {
            case GreaterThanThreshold -> value > threshold;
            case GreaterThanOrEqualToThreshold -> value >= threshold;
            case LessThanThreshold -> value < threshold;
            case LessThanOrEqualToThreshold -> value <= threshold;
        };
    }

    /** The worse of two values for this comparison: the peak of an episode. */
    public double worse(double a, double b) {
        return this == GreaterThanThreshold || this == GreaterThanOrEqualToThreshold ? Math.max(a, b) : Math.min(a, b);
    }
}
