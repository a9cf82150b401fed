package dev.queuebench.rundir;


/**
 * One row of {@code server.csv}: a metric's value on one node in one UTC second.
 *
 * @param epochSec UTC second of the sample
 * @param node     {@code primary} or {@code reader}
 * @param metric   a {@code ServerMetric} name or a {@code CommandMetric} column ({@code cmd.<command>.<suffix>})
 * @param value    finite; rows for unknown values are never made
 */
public record MetricRow(long epochSec, String node, String metric, double value) {
    public MetricRow {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + metric + " on " + node + " at " + epochSec
                    + " is not a finite number: " + value);
        }
    }
}
