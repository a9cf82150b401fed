package dev.queuebench.rundir;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code alarms.json}: the alarm rules a run was judged by and the episodes in ALARM. The one writer
 * and reader of the file.
 * <pre>
 * {"rules": [{"AlarmName","Namespace","MetricName","Statistic","Period","EvaluationPeriods",
 *             "DatapointsToAlarm","Threshold","ComparisonOperator","TreatMissingData"}],
 *  "episodes": [{"alarm","node","source","start_epoch_sec","end_epoch_sec","peak_value"}],
 *  "not_evaluated": [{"alarm","reason"}]}
 * </pre>
 * Rules keep put-metric-alarm's field names, so the file is also a rules file for
 * {@code queuebench alarms --rules}. {@code source} is {@code server.csv} or {@code cloudwatch};
 * an episode runs from its first second in ALARM to the first second after it; {@code peak_value}
 * is null when no datapoint was seen; {@code not_evaluated} lists the rules the run was too short to
 * judge (an empty episode list says nothing about them). camelCase episode fields of early files are
 * read too.
 */
public record AlarmsJson(List<Rule> rules, List<Summary.Alarm> episodes, List<NotEvaluated> notEvaluated) {

    /** A rule the run could not judge, and why (too short a run for its periods). */
    public record NotEvaluated(String alarm, String reason) {
    }

    /** One alarm rule in put-metric-alarm's terms. */
    public record Rule(@JsonProperty("AlarmName") String alarmName, @JsonProperty("Namespace") String namespace,
            @JsonProperty("MetricName") String metricName, @JsonProperty("Statistic") String statistic,
            @JsonProperty("Period") int periodSec, @JsonProperty("EvaluationPeriods") int evaluationPeriods,
            @JsonProperty("DatapointsToAlarm") int datapointsToAlarm, @JsonProperty("Threshold") double threshold,
            @JsonProperty("ComparisonOperator") String comparisonOperator,
            @JsonProperty("TreatMissingData") String treatMissingData) {
    }

    /** An episode as the file holds it; early files wrote camelCase names. */
    record Episode(String alarm, String node, String source,
            @JsonAlias("startEpochSec") long startEpochSec, @JsonAlias("endEpochSec") long endEpochSec,
            @JsonAlias("peakValue") double peakValue) {
    }

    record File(List<Rule> rules, List<Episode> episodes, List<NotEvaluated> notEvaluated) {
    }

    public static void write(RunFiles run, AlarmsJson alarms) throws IOException {
        JsonFiles.writeAtomically(run.file(RunFiles.ALARMS_JSON), alarms);
    }

    /** The run's alarms, or none (no rules, no episodes) when it was never judged. */
    public static AlarmsJson read(RunFiles run) {
        if (!run.has(RunFiles.ALARMS_JSON)) {
            return new AlarmsJson(List.of(), List.of(), List.of());
        }
        File file = JsonFiles.read(run.file(RunFiles.ALARMS_JSON), File.class);
        List<Summary.Alarm> episodes = file.episodes() == null ? List.of() : file.episodes().stream()
                .map(e -> new Summary.Alarm(e.alarm(), e.node(), e.source(), e.startEpochSec(), e.endEpochSec(),
                        e.peakValue()))
                .toList();
        return new AlarmsJson(file.rules() == null ? List.of() : file.rules(), episodes,
                file.notEvaluated() == null ? List.of() : file.notEvaluated());
    }

    /** Thresholds by metric, from the rules. */
    public Map<String, Double> thresholds() {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (rule.metricName() != null && !Double.isNaN(rule.threshold())) {
                thresholds.put(rule.metricName(), rule.threshold());
            }
        }
        return thresholds;
    }
}
