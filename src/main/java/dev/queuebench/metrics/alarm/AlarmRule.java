package dev.queuebench.metrics.alarm;

import java.util.List;
import java.util.Objects;

/**
 * One alarm, with put-metric-alarm's fields and meaning: the metric's datapoints are aggregated with
 * {@code statistic} over periods of {@code periodSec}; the alarm is in ALARM when at least
 * {@code datapointsToAlarm} of the last {@code evaluationPeriods} periods breach
 * {@code threshold} by {@code comparison}; {@code treatMissingData} says what a period without data counts as.
 *
 * @param metric a CloudWatch ElastiCache metric name or a server.csv metric; CPUUtilization, which
 *               server.csv has not, is evaluated there on ProcessCPUUtilization ({@link ServerCsvMetrics})
 */
public record AlarmRule(String name, String metric, Statistic statistic, int periodSec, int evaluationPeriods,
        int datapointsToAlarm, double threshold, Comparison comparison, TreatMissingData treatMissingData) {
    public AlarmRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(treatMissingData, "treatMissingData");
        if (periodSec < 1 || (periodSec >= 60 && periodSec % 60 != 0) || (periodSec < 60 && 60 % periodSec != 0)) {
            throw new IllegalArgumentException("alarm '" + name + "': Period must be 1, 5, 10, 20, 30 or a multiple of 60 "
                    + "seconds (as in put-metric-alarm), was " + periodSec);
        }
        if (evaluationPeriods < 1) {
            throw new IllegalArgumentException("alarm '" + name + "': EvaluationPeriods must be at least 1, was "
                    + evaluationPeriods);
        }
        if (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException("alarm '" + name + "': DatapointsToAlarm must be between 1 and "
                    + "EvaluationPeriods (" + evaluationPeriods + "), was " + datapointsToAlarm);
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("alarm '" + name + "': Threshold must be a number, was " + threshold);
        }
    }

    /**
     * The capacity plan's three alarms: CPUUtilization &gt; 70 %, DatabaseMemoryUsagePercentage &gt; 80 %,
     * CurrConnections &gt; 5000, each the Average over 300 s, 2 of 2 evaluation periods, missing data missing.
     */
    public static List<AlarmRule> capacityPlan() {
        return List.of(
                planAlarm("redis-cpu-high", "CPUUtilization", 70),
                planAlarm("redis-memory-high", "DatabaseMemoryUsagePercentage", 80),
                planAlarm("redis-connections-high", "CurrConnections", 5000));
    }

    private static AlarmRule planAlarm(String name, String metric, double threshold) {
        return new AlarmRule(name, metric, Statistic.Average, 300, 2, 2, threshold, Comparison.GreaterThanThreshold,
                TreatMissingData.MISSING);
    }
}
