package dev.queuebench.metrics.alarm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.AlarmsJson;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.Summary;
import dev.queuebench.metrics.cloudwatch.ElastiCacheMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Alarm rules in and {@code alarms.json} out.
 *
 * <p>Rules file: JSON with put-metric-alarm's field names, as {@code aws cloudwatch put-metric-alarm
 * --cli-input-json} takes them: one alarm object, an array of them, {@code {"MetricAlarms": [...]}} as
 * {@code aws cloudwatch describe-alarms} prints, or {@code {"rules": [...]}} as in alarms.json. Fields:
 * AlarmName, MetricName, Statistic (Average, Maximum, Minimum, Sum, SampleCount), Period (seconds),
 * EvaluationPeriods, Threshold, ComparisonOperator (GreaterThanThreshold, GreaterThanOrEqualToThreshold,
 * LessThanThreshold, LessThanOrEqualToThreshold) required; DatapointsToAlarm (default EvaluationPeriods)
 * and TreatMissingData (missing, notBreaching, breaching, ignore; default missing) optional; Namespace,
 * if given, must be AWS/ElastiCache; Dimensions and actions are ignored (every node is evaluated).
 *
 * <p>{@code alarms.json}: {@code {"rules": [the rules, same fields], "episodes": [{"alarm", "node",
 * "source", "start_epoch_sec", "end_epoch_sec", "peak_value"}]}} ({@link AlarmEpisode}).
 */
public final class AlarmsFile {
    private AlarmsFile() {
    }

    public static List<AlarmRule> readRules(Path file) {
        JsonNode root = JsonFiles.read(file);
        JsonNode list = root.isArray() ? root
                : root.has("MetricAlarms") ? root.get("MetricAlarms")
                : root.has("rules") ? root.get("rules")
                : null;
        List<AlarmRule> rules = new ArrayList<>();
        if (list == null) {
            rules.add(rule(file, root, 0));
        } else {
            for (int i = 0; i < list.size(); i++) {
                rules.add(rule(file, list.get(i), i));
            }
        }
        if (rules.isEmpty()) {
            throw new BadInputException(file + ": no alarms in it");
        }
        return rules;
    }

    /** Evaluates {@code rules} over the run and writes {@code alarms.json} into it. */
    public static List<AlarmEpisode> evaluateAndWrite(Path runDir, List<AlarmRule> rules) throws IOException {
        List<AlarmEpisode> episodes = AlarmEvaluator.evaluate(runDir, rules);
        AlarmsJson.write(new RunFiles(runDir), new AlarmsJson(rules.stream().map(AlarmsFile::toRecord).toList(),
                episodes.stream().map(e -> new Summary.Alarm(e.alarm(), e.node(), e.source(), e.startEpochSec(),
                        e.endEpochSec(), e.peakValue())).toList(), AlarmEvaluator.notEvaluated(runDir, rules)));
        return episodes;
    }

    static AlarmsJson.Rule toRecord(AlarmRule rule) {
        return new AlarmsJson.Rule(rule.name(), ElastiCacheMetrics.NAMESPACE, rule.metric(), rule.statistic().name(),
                rule.periodSec(), rule.evaluationPeriods(), rule.datapointsToAlarm(), rule.threshold(),
                rule.comparison().name(), rule.treatMissingData().wireName());
    }

    private static AlarmRule rule(Path file, JsonNode node, int index) {
        String where = file + " alarm #" + (index + 1);
        if (!node.isObject()) {
            throw new BadInputException(where + ": expected an object with put-metric-alarm fields");
        }
        String alarm = file + " alarm '" + text(node, "AlarmName", where) + "'";
        return rule(file, node, alarm);
    }

    private static AlarmRule rule(Path file, JsonNode node, String where) {
        String name = node.get("AlarmName").asText();
        String namespace = node.path("Namespace").asText(ElastiCacheMetrics.NAMESPACE);
        if (!namespace.equals(ElastiCacheMetrics.NAMESPACE)) {
            throw new BadInputException(where + ": Namespace " + namespace + " is not " + ElastiCacheMetrics.NAMESPACE);
        }
        String metric = text(node, "MetricName", where);
        if (!ElastiCacheMetrics.isAlarmable(metric)) {
            throw new BadInputException(where + ": unknown MetricName '" + metric + "' (not an AWS/ElastiCache "
                    + "metric nor a server.csv metric; README: Server metrics)");
        }
        String statisticName = text(node, "Statistic", where);
        Statistic statistic = Statistic.named(statisticName).orElseThrow(() -> new BadInputException(
                where + ": Statistic '" + statisticName + "' is not Average, Maximum, Minimum, Sum or SampleCount"));
        String comparisonName = text(node, "ComparisonOperator", where);
        Comparison comparison;
        try {
            comparison = Comparison.valueOf(comparisonName);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": ComparisonOperator '" + comparisonName + "' is not one of "
                    + List.of(Comparison.values()));
        }
        String missingName = node.path("TreatMissingData").asText(TreatMissingData.MISSING.wireName());
        TreatMissingData missing = TreatMissingData.named(missingName).orElseThrow(() -> new BadInputException(
                where + ": TreatMissingData '" + missingName + "' is not missing, notBreaching, breaching or ignore"));
        int evaluationPeriods = integer(node, "EvaluationPeriods", where);
        try {
            return new AlarmRule(name, metric, statistic, integer(node, "Period", where), evaluationPeriods,
                    node.has("DatapointsToAlarm") ? integer(node, "DatapointsToAlarm", where) : evaluationPeriods,
                    number(node, "Threshold", where), comparison, missing);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadInputException(where + ": " + field + " is missing or not a string");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new BadInputException(where + ": " + field + " is missing or not a whole number");
        }
        return value.asInt();
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new BadInputException(where + ": " + field + " is missing or not a number");
        }
        return value.asDouble();
    }
}
