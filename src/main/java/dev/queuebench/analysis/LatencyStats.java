package dev.queuebench.analysis;

import org.HdrHistogram.AbstractHistogram;

/** Percentiles of one histogram, in microseconds; all NaN for an empty one. */
public record LatencyStats(long count, double p50Micros, double p90Micros, double p99Micros, double p999Micros,
        double maxMicros, double meanMicros) {

    public static LatencyStats of(AbstractHistogram histogram) {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencyStats(count, histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue(),
                histogram.getMean());
    }
}
