package dev.queuebench.gate;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One second of one request name, kept small for resampling: the histogram's distinct recorded
 * values (microseconds) with their counts, and the second's ok and ko counts.
 */
record SparseSecond(long epochSec, long[] valuesMicros, long[] counts, long ok, long ko) {

    static SparseSecond of(long epochSec, Histogram histogram, long ok, long ko) {
        int distinct = 0;
        for (HistogramIterationValue ignored : histogram.recordedValues()) {
            distinct++;
        }
        long[] values = new long[distinct];
        long[] counts = new long[distinct];
        int i = 0;
        for (HistogramIterationValue value : histogram.recordedValues()) {
            values[i] = value.getValueIteratedTo();
            counts[i] = value.getCountAddedInThisIterationStep();
            i++;
        }
        return new SparseSecond(epochSec, values, counts, ok, ko);
    }

    void addTo(Histogram merged) {
        for (int i = 0; i < valuesMicros.length; i++) {
            merged.recordValueWithCount(valuesMicros[i], counts[i]);
        }
    }
}
