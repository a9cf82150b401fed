package dev.queuebench.rundir;

import java.util.Comparator;

/**
 * One datapoint of {@code cloudwatch/metrics.csv}.
 *
 * @param epochSec  UTC start of the period
 * @param node      the CacheClusterId (one node of the replication group)
 * @param metric    the CloudWatch metric name, e.g. EngineCPUUtilization
 * @param statistic Average, Maximum, Minimum, Sum, SampleCount or a percentile (p99)
 * @param periodSec the datapoint's period
 */
public record CloudWatchRow(long epochSec, String node, String metric, String statistic, int periodSec, double value) {
    /** The file's order: node, metric, statistic, time. */
    public static final Comparator<CloudWatchRow> FILE_ORDER = Comparator.comparing(CloudWatchRow::node)
            .thenComparing(CloudWatchRow::metric).thenComparing(CloudWatchRow::statistic)
            .thenComparingInt(CloudWatchRow::periodSec).thenComparingLong(CloudWatchRow::epochSec);
}
