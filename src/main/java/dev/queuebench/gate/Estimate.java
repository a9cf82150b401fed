package dev.queuebench.gate;

/**
 * A measured value with its 95% confidence interval from the block bootstrap.
 *
 * @param point the value on the run as recorded
 * @param low   2.5th percentile of the bootstrap distribution
 * @param high  97.5th percentile
 */
public record Estimate(double point, double low, double high) {
    public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    public boolean known() {
        return !Double.isNaN(point);
    }

    /** Half the interval's width, the ± a reader expects. */
    public double plusMinus() {
        return (high - low) / 2;
    }
}
