package dev.queuebench.metrics.alarm;

import dev.queuebench.rundir.MetricRow;
import dev.queuebench.rundir.CloudWatchCsv;
import dev.queuebench.rundir.CloudWatchRow;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.ServerCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Replays alarms over a run directory with CloudWatch's semantics ({@link AlarmStateMachine}), on each
 * node of each source that has the rule's metric:
 * <ul>
 *   <li>{@code server.csv}: the per-second samples are aggregated with the rule's statistic over its
 *       period (CPUUtilization is evaluated on ProcessCPUUtilization: {@link ServerCsvMetrics});</li>
 *   <li>{@code cloudwatch/metrics.csv}: the datapoints of the rule's statistic whose period divides the
 *       rule's are folded into the rule's period ({@link Statistic#ofPeriods}); the finest such period is used.</li>
 * </ul>
 * Episodes are sorted by start time, then alarm, source and node.
 */
public final class AlarmEvaluator {
    public static final String SERVER_SOURCE = "server.csv";
    public static final String CLOUDWATCH_SOURCE = "cloudwatch";

    private AlarmEvaluator() {
    }

    public static List<AlarmEpisode> evaluate(Path runDir, List<AlarmRule> rules) throws IOException {
        RunFiles run = new RunFiles(runDir);
        List<MetricRow> server = ServerCsv.read(run).rows();
        List<CloudWatchRow> cloudWatch = CloudWatchCsv.read(run).rows();
        List<AlarmEpisode> episodes = new ArrayList<>();
        for (AlarmRule rule : rules) {
            episodes.addAll(onServerCsv(rule, server));
            episodes.addAll(onCloudWatch(rule, cloudWatch));
        }
        episodes.sort(Comparator.comparingLong(AlarmEpisode::startEpochSec).thenComparing(AlarmEpisode::alarm)
                .thenComparing(AlarmEpisode::source).thenComparing(AlarmEpisode::node));
        return episodes;
    }

    private static List<AlarmEpisode> onServerCsv(AlarmRule rule, List<MetricRow> rows) {
        Optional<String> metric = ServerCsvMetrics.forAlarmMetric(rule.metric());
        if (metric.isEmpty()) {
            return List.of();
        }
        Map<String, NavigableMap<Long, Double>> byNode = new TreeMap<>();
        for (MetricRow row : rows) {
            if (row.metric().equals(metric.get())) {
                byNode.computeIfAbsent(row.node(), node -> new TreeMap<>()).put(row.epochSec(), row.value());
            }
        }
        List<AlarmEpisode> episodes = new ArrayList<>();
        byNode.forEach((node, points) -> {
            PeriodSeries series = PeriodAggregator.aggregate(points, rule.periodSec(), rule.statistic()::ofSamples);
            episodes.addAll(episodes(rule, node, SERVER_SOURCE, series));
        });
        return episodes;
    }

    private static List<AlarmEpisode> onCloudWatch(AlarmRule rule, List<CloudWatchRow> rows) {
        Map<String, Integer> finestPeriodByNode = new TreeMap<>();
        for (CloudWatchRow row : rows) {
            if (matches(rule, row)) {
                finestPeriodByNode.merge(row.node(), row.periodSec(), Math::min);
            }
        }
        List<AlarmEpisode> episodes = new ArrayList<>();
        finestPeriodByNode.forEach((node, periodSec) -> {
            NavigableMap<Long, Double> points = new TreeMap<>();
            rows.stream().filter(row -> matches(rule, row) && row.node().equals(node) && row.periodSec() == periodSec)
                    .forEach(row -> points.put(row.epochSec(), row.value()));
            PeriodSeries series = PeriodAggregator.aggregate(points, rule.periodSec(), rule.statistic()::ofPeriods);
            episodes.addAll(episodes(rule, node, CLOUDWATCH_SOURCE, series));
        });
        return episodes;
    }

    private static boolean matches(AlarmRule rule, CloudWatchRow row) {
        return row.metric().equals(rule.metric()) && row.statistic().equals(rule.statistic().name())
                && row.periodSec() <= rule.periodSec() && rule.periodSec() % row.periodSec() == 0;
    }

    private static List<AlarmEpisode> episodes(AlarmRule rule, String node, String source, PeriodSeries series) {
        return AlarmStateMachine.evaluate(rule, series).stream()
                .map(stretch -> new AlarmEpisode(rule.name(), node, source, stretch.startEpochSec(),
                        stretch.endEpochSec(), stretch.peakValue()))
                .toList();
    }
}
