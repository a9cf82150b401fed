package dev.queuebench.metrics.alarm;

/**
 * One node's metric as contiguous alarm periods: {@code values[i]} is the statistic over
 * [{@code firstStartEpochSec + i × periodSec}, + periodSec), {@code NaN} where the period has no data.
 */
record PeriodSeries(long firstStartEpochSec, int periodSec, double[] values) {
    long endOf(int index) {
        return firstStartEpochSec + (long) (index + 1) * periodSec;
    }
}
