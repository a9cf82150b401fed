package dev.queuebench.gate;

import java.util.Arrays;

/**
 * A measured value with its bootstrap distribution: a 95% interval for reading, and any other
 * coverage for a gate that must correct for testing many checks at once.
 *
 * @param point     the value on the run as recorded
 * @param low       2.5th percentile of the bootstrap distribution
 * @param high      97.5th percentile
 * @param resampled the bootstrap values, sorted, NaNs left out (empty when there is no distribution)
 */
public record Estimate(double point, double low, double high, double[] resampled) {
    public static final double READING_COVERAGE = 0.95;

    public static Estimate pointOnly(double point) {
        return new Estimate(point, Double.NaN, Double.NaN, new double[0]);
    }

    public static Estimate of(double point, double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] interval = interval(sorted, READING_COVERAGE);
        return new Estimate(point, interval[0], interval[1], sorted);
    }

    public boolean known() {
        return !Double.isNaN(point);
    }

    /** Half the 95% interval's width, the ± a reader expects. */
    public double plusMinus() {
        return (high - low) / 2;
    }

    /** The central interval holding {@code coverage} of the bootstrap values (NaNs without a distribution). */
    public double[] interval(double coverage) {
        return interval(resampled, coverage);
    }

    private static double[] interval(double[] sorted, double coverage) {
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double tail = (1 - coverage) / 2;
        return new double[] {sorted[(int) Math.floor(tail * (sorted.length - 1))],
            sorted[(int) Math.ceil((1 - tail) * (sorted.length - 1))]};
    }
}
