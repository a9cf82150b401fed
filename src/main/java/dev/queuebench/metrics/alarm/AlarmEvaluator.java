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
import dev.queuebench.rundir.AlarmsJson;

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

    /**
     * The rules the run cannot judge: fewer whole periods of the rule's metric than datapoints it needs
     * to alarm (a 40 s smoke run against a 2 × 300 s alarm). "No episode" from such a rule means nothing.
     */
    public static List<AlarmsJson.NotEvaluated> notEvaluated(Path runDir, List<AlarmRule> rules) {
        RunFiles run = new RunFiles(runDir);
        List<MetricRow> server = ServerCsv.read(run).rows();
        List<CloudWatchRow> cloudWatch = CloudWatchCsv.read(run).rows();
        List<AlarmsJson.NotEvaluated> out = new ArrayList<>();
        for (AlarmRule rule : rules) {
            if (rule.treatMissingData() == TreatMissingData.BREACHING) {
                // Missing periods count as breaching: the rule can alarm on no data at all.
                continue;
            }
            long spanSec = Math.max(dataSpanSec(rule, server), cloudWatchSpanSec(rule, cloudWatch));
            long wholePeriods = spanSec / rule.periodSec();
            if (wholePeriods < rule.datapointsToAlarm()) {
                out.add(new AlarmsJson.NotEvaluated(rule.name(), String.format(java.util.Locale.ROOT,
                        "the run has %d s of %s data, %d whole period(s) of %d s; the rule needs %d breaching "
                                + "period(s) of %d s before it can alarm (a run of at least %d s judges it)",
                        spanSec, rule.metric(), wholePeriods, rule.periodSec(), rule.datapointsToAlarm(),
                        rule.periodSec(), (long) rule.periodSec() * rule.datapointsToAlarm())));
            }
        }
        return out;
    }

    private static long dataSpanSec(AlarmRule rule, List<MetricRow> rows) {
        Optional<String> metric = ServerCsvMetrics.forAlarmMetric(rule.metric());
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (MetricRow row : rows) {
            if (metric.isPresent() && row.metric().equals(metric.get())) {
                first = Math.min(first, row.epochSec());
                last = Math.max(last, row.epochSec());
            }
        }
        return first == Long.MAX_VALUE ? 0 : last - first + 1;
    }

    private static long cloudWatchSpanSec(AlarmRule rule, List<CloudWatchRow> rows) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (CloudWatchRow row : rows) {
            if (matches(rule, row)) {
                first = Math.min(first, row.epochSec());
                last = Math.max(last, row.epochSec() + row.periodSec());
            }
        }
        return first == Long.MAX_VALUE ? 0 : last - first;
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
