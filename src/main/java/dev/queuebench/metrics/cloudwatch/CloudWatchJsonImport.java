package dev.queuebench.metrics.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.JsonFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import dev.queuebench.rundir.CloudWatchRow;

/**
 * Reads the JSON the AWS CLI prints into {@link CloudWatchRow}s:
 * <ul>
 *   <li>{@code aws cloudwatch get-metric-data}: {@code {"MetricDataResults": [{"Id", "Label",
 *       "Timestamps": [...], "Values": [...], "StatusCode"}], "Messages": []}}. The output names a result
 *       by Id and Label only: the metric, node, statistic and period come from the queries file
 *       ({@code --queries}, the one given to {@code --metric-data-queries}); without it the Label is the
 *       metric name (CloudWatch's default label), the node is {@code --node}, the statistic
 *       {@code --statistic} and the period {@code --period-sec} or the smallest step between timestamps.</li>
 *   <li>{@code aws cloudwatch get-metric-statistics}: {@code {"Label": metric, "Datapoints": [{"Timestamp",
 *       "Average", "Maximum", "Minimum", "Sum", "SampleCount", "ExtendedStatistics": {"p99": …}, "Unit"}]}}:
 *       one row per statistic present; node from {@code --node}, period as above.</li>
 * </ul>
 * Refused, naming the file and element: truncated or malformed JSON, a metric name not in
 * {@link ElastiCacheMetrics#KNOWN}, a timestamp without a zone, Timestamps and Values of different lengths.
 */
public final class CloudWatchJsonImport {
    /**
     * What the file itself does not say.
     *
     * @param node      the CacheClusterId, or null (then the queries file must name it)
     * @param statistic get-metric-data's statistic when no queries file says it
     * @param periodSec the period, or null to infer it from the timestamps
     * @param queries   get-metric-data queries by Id, empty when none were given
     */
    public record Options(String node, String statistic, Integer periodSec, Map<String, MetricDataQueries.Query> queries) {
    }

    private CloudWatchJsonImport() {
    }

    public static List<CloudWatchRow> read(Path file, Options options) {
        JsonNode root = JsonFiles.read(file);
        if (root.has("MetricDataResults")) {
            return metricData(file, root.get("MetricDataResults"), options);
        }
        if (root.has("Datapoints")) {
            return metricStatistics(file, root, options);
        }
        throw new BadInputException(file + ": neither get-metric-data output (MetricDataResults) nor "
                + "get-metric-statistics output (Datapoints)");
    }

    private static List<CloudWatchRow> metricData(Path file, JsonNode results, Options options) {
        List<CloudWatchRow> rows = new ArrayList<>();
        for (JsonNode result : results) {
            String id = result.path("Id").asText("");
            String where = file + " result '" + id + "'";
            MetricDataQueries.Query query = options.queries().get(id);
            String metric = query != null && query.metric() != null ? query.metric() : result.path("Label").asText("");
            String node = query != null && query.node() != null ? query.node() : options.node();
            String statistic = query != null && query.statistic() != null ? query.statistic() : options.statistic();
            JsonNode timestamps = result.path("Timestamps");
            JsonNode values = result.path("Values");
            if (timestamps.size() != values.size()) {
                throw new BadInputException(where + ": " + timestamps.size() + " Timestamps but " + values.size()
                        + " Values");
            }
            checkMetric(metric, where);
            checkNode(node, where);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < timestamps.size(); i++) {
                times.add(UtcTimestamps.epochSec(timestamps.get(i), where + " Timestamps[" + i + "]"));
            }
            int periodSec = query != null && query.periodSec() > 0 ? query.periodSec() : period(options, times, where);
            for (int i = 0; i < times.size(); i++) {
                rows.add(new CloudWatchRow(times.get(i), node, metric, statistic, periodSec,
                        number(values.get(i), where + " Values[" + i + "]")));
            }
        }
        return rows;
    }

    private static List<CloudWatchRow> metricStatistics(Path file, JsonNode root, Options options) {
        String metric = root.path("Label").asText("");
        String where = file + " (" + metric + ")";
        checkMetric(metric, where);
        checkNode(options.node(), where);
        JsonNode datapoints = root.get("Datapoints");
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < datapoints.size(); i++) {
            times.add(UtcTimestamps.epochSec(datapoints.get(i).get("Timestamp"), where + " Datapoints[" + i + "]"));
        }
        int periodSec = period(options, times, where);
        List<CloudWatchRow> rows = new ArrayList<>();
        for (int i = 0; i < datapoints.size(); i++) {
            JsonNode point = datapoints.get(i);
            String at = where + " Datapoints[" + i + "]";
            for (String statistic : List.of("Average", "Maximum", "Minimum", "Sum", "SampleCount")) {
                if (point.has(statistic)) {
                    rows.add(new CloudWatchRow(times.get(i), options.node(), metric, statistic, periodSec,
                            number(point.get(statistic), at + " " + statistic)));
                }
            }
            Iterator<Map.Entry<String, JsonNode>> extended = point.path("ExtendedStatistics").fields();
            while (extended.hasNext()) {
                Map.Entry<String, JsonNode> entry = extended.next();
                rows.add(new CloudWatchRow(times.get(i), options.node(), metric, entry.getKey(), periodSec,
                        number(entry.getValue(), at + " " + entry.getKey())));
            }
        }
        return rows;
    }

    private static void checkMetric(String metric, String where) {
        if (!ElastiCacheMetrics.KNOWN.contains(metric)) {
            throw new BadInputException(where + ": unknown metric name '" + metric + "' (not an AWS/ElastiCache "
                    + "metric; for get-metric-data give the queries file with --queries, or label each query "
                    + "with its metric name)");
        }
    }

    private static void checkNode(String node, String where) {
        if (node == null || node.isBlank()) {
            throw new BadInputException(where + ": which node is this? Give --node CACHE_CLUSTER_ID "
                    + "(or, for get-metric-data, --queries with a CacheClusterId dimension)");
        }
    }

    private static int period(Options options, List<Long> times, String where) {
        if (options.periodSec() != null) {
            return options.periodSec();
        }
        TreeSet<Long> sorted = new TreeSet<>(times);
        long step = Long.MAX_VALUE;
        Long previous = null;
        for (long time : sorted) {
            if (previous != null) {
                step = Math.min(step, time - previous);
            }
            previous = time;
        }
        if (step == Long.MAX_VALUE) {
            throw new BadInputException(where + ": fewer than two datapoints, so the period cannot be inferred: "
                    + "give --period-sec");
        }
        return (int) step;
    }

    private static double number(JsonNode value, String where) {
        if (value == null || !value.isNumber()) {
            throw new BadInputException(where + ": '" + value + "' is not a number");
        }
        return value.asDouble();
    }
}
