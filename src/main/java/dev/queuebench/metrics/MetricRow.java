package dev.queuebench.metrics;

/**
 * One row of {@code server.csv}: a metric's value on one node in one UTC second.
 *
 * @param epochSec UTC second of the sample
 * @param node     {@code primary} or {@code reader}
 * @param metric   a {@link ServerMetric} name or a {@link CommandMetric} column
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
