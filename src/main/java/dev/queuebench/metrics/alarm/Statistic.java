package dev.queuebench.metrics.alarm;

import java.util.Arrays;
import java.util.Optional;

/** put-metric-alarm's Statistic, and how it aggregates datapoints into one period's value. */
public enum Statistic {
    Average,
    Maximum,
    Minimum,
    Sum,
    SampleCount;

    public static Optional<Statistic> named(String name) {
        return Arrays.stream(values()).filter(statistic -> statistic.name().equals(name)).findFirst();
    }

    /** Folds per-second samples into one value; {@code values} is not empty. */
    public double ofSamples(double[] values) {
        return switch (this) {
            case Average -> Arrays.stream(values).average().orElseThrow();
            case Maximum -> Arrays.stream(values).max().orElseThrow();
            case Minimum -> Arrays.stream(values).min().orElseThrow();
            case Sum -> Arrays.stream(values).sum();
            case SampleCount -> values.length;
        };
    }

    /**
     * Folds finer periods' values of this same statistic into one coarser period: maximum of maxima, sum
     * of sums and of sample counts, and the plain mean of averages (exact when the finer periods had
     * equal sample counts, as CloudWatch's ElastiCache metrics do).
     */
    public double ofPeriods(double[] values) {
        return this == SampleCount ? Arrays.stream(values).sum() : ofSamples(values);
    }
}
