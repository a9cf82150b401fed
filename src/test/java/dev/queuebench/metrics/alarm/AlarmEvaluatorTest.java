package dev.queuebench.metrics.alarm;

import dev.queuebench.rundir.AlarmsJson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.rundir.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alarm replay with known answers: each period of the made-up server.csv holds one value every second. */
class AlarmEvaluatorTest {
    /** A UTC second on a 300 s boundary, as CloudWatch aligns periods. */
    private static final long T0 = 1_764_065_700L;
    private static final double GAP = Double.NaN;

    @TempDir
    Path runDir;

    @Test
    void theCpuAlarmFiresAfterTwoBreachingFiveMinutePeriodsAndClearsAfterOneGoodOne() throws IOException {
        writeServerCsv("ProcessCPUUtilization", 50, 50, 80, 80, 80, 50, 50);
        List<AlarmEpisode> episodes = AlarmEvaluator.evaluate(runDir, AlarmRule.capacityPlan());
        assertEquals(List.of(new AlarmEpisode("redis-cpu-high", "primary", "server.csv", T0 + 4 * 300, T0 + 6 * 300, 80)),
                episodes);
    }

    @Test
    void oneBreachingPeriodOfTwoDoesNotFire() throws IOException {
        writeServerCsv("ProcessCPUUtilization", 50, 90, 50, 90, 50);
        assertEquals(List.of(), AlarmEvaluator.evaluate(runDir, AlarmRule.capacityPlan()));
    }

    @Test
    void twoOfThreeFiresOnTheSecondBreachAndClearsWhenTwoOfThreeAreGood() throws IOException {
        writeServerCsv("CurrConnections", 6000, 10, 7000, 10, 10, 10);
        AlarmRule rule = new AlarmRule("conn", "CurrConnections", Statistic.Maximum, 300, 3, 2, 5000,
                Comparison.GreaterThanThreshold, TreatMissingData.MISSING);
        assertEquals(List.of(new AlarmEpisode("conn", "primary", "server.csv", T0 + 3 * 300, T0 + 4 * 300, 7000)),
                AlarmEvaluator.evaluate(runDir, List.of(rule)));
    }

    @Test
    void missingPeriodsCountAsTheRuleSays() throws IOException {
        writeServerCsv("DatabaseMemoryUsagePercentage", 85, GAP, 85, 50);
        assertEquals(List.of(), AlarmEvaluator.evaluate(runDir, List.of(memory(TreatMissingData.MISSING))));
        assertEquals(List.of(), AlarmEvaluator.evaluate(runDir, List.of(memory(TreatMissingData.NOT_BREACHING))));
        assertEquals(List.of(new AlarmEpisode("mem", "primary", "server.csv", T0 + 2 * 300, T0 + 4 * 300, 85)),
                AlarmEvaluator.evaluate(runDir, List.of(memory(TreatMissingData.BREACHING))));
    }

    @Test
    void aPartlyMissingWindowKeepsTheStateAndAnAllMissingOneEndsTheAlarmUnlessIgnored() throws IOException {
        writeServerCsv("DatabaseMemoryUsagePercentage", 85, 90, GAP, GAP, 50, 50);
        assertEquals(List.of(new AlarmEpisode("mem", "primary", "server.csv", T0 + 2 * 300, T0 + 4 * 300, 90)),
                AlarmEvaluator.evaluate(runDir, List.of(memory(TreatMissingData.MISSING))));
        assertEquals(List.of(new AlarmEpisode("mem", "primary", "server.csv", T0 + 2 * 300, T0 + 5 * 300, 90)),
                AlarmEvaluator.evaluate(runDir, List.of(memory(TreatMissingData.IGNORE))));
    }

    @Test
    void cloudWatchMinuteAveragesAreFoldedIntoTheAlarmsPeriod() throws IOException {
        Files.createDirectories(runDir.resolve("cloudwatch"));
        StringBuilder csv = new StringBuilder("epoch_sec,node,metric,statistic,period_sec,value\n");
        // 10 one-minute averages at 75 %, then 5 at 60 %: the two 5-minute averages breach 70 %.
        for (int minute = 0; minute < 15; minute++) {
            csv.append(T0 + minute * 60).append(",qb-001,CPUUtilization,Average,60,")
                    .append(minute < 10 ? "75" : "60").append('\n');
            csv.append(T0 + minute * 60).append(",qb-001,CPUUtilization,Maximum,60,99\n");
        }
        Files.writeString(runDir.resolve("cloudwatch/metrics.csv"), csv);
        assertEquals(List.of(new AlarmEpisode("redis-cpu-high", "qb-001", "cloudwatch", T0 + 600, T0 + 900, 75)),
                AlarmEvaluator.evaluate(runDir, AlarmRule.capacityPlan()));
    }

    @Test
    void alarmsJsonHoldsTheRulesInPutMetricAlarmFieldsAndTheEpisodes() throws IOException {
        writeServerCsv("ProcessCPUUtilization", 80, 80);
        AlarmsFile.evaluateAndWrite(runDir, AlarmRule.capacityPlan());
        var json = JsonFiles.read(runDir.resolve("alarms.json"));
        assertEquals("CPUUtilization", json.get("rules").get(0).get("MetricName").asText());
        assertEquals(300, json.get("rules").get(0).get("Period").asInt());
        assertEquals(T0 + 600, json.get("episodes").get(0).get("start_epoch_sec").asLong());
        assertEquals("server.csv", json.get("episodes").get(0).get("source").asText());
        // The file reads back as a rules file.
        Path rules = runDir.resolve("alarms.json");
        assertEquals(AlarmRule.capacityPlan(), AlarmsFile.readRules(rules));
        assertTrue(json.get("episodes").size() == 1);
    }

    @Test
    void aRunShorterThanTheRulesPeriodsLeavesThemNotEvaluatedInsteadOfSilent() throws IOException {
        writeServerCsv("ProcessCPUUtilization", 90);

        List<AlarmsJson.NotEvaluated> notEvaluated = AlarmEvaluator.notEvaluated(runDir, AlarmRule.capacityPlan());

        assertEquals(List.of("redis-cpu-high", "redis-memory-high", "redis-connections-high"),
                notEvaluated.stream().map(AlarmsJson.NotEvaluated::alarm).toList());
        assertTrue(notEvaluated.get(0).reason().startsWith("the run has 300 s of CPUUtilization data, 1 whole "
                + "period(s) of 300 s; the rule needs 2 breaching period(s)"), notEvaluated.get(0).reason());
        assertEquals("none evaluated; not evaluated: redis-cpu-high (" + notEvaluated.get(0).reason() + "); "
                + "redis-memory-high (" + notEvaluated.get(1).reason() + "); redis-connections-high ("
                + notEvaluated.get(2).reason() + ")", AlarmsVerdict.sentence(3, 0, notEvaluated));
    }

    @Test
    void twoWholePeriodsOfTheMetricAreEnoughToJudgeTheCpuRule() throws IOException {
        writeServerCsv("ProcessCPUUtilization", 50, 50);

        List<AlarmsJson.NotEvaluated> notEvaluated = AlarmEvaluator.notEvaluated(runDir, AlarmRule.capacityPlan());

        assertEquals(List.of("redis-memory-high", "redis-connections-high"),
                notEvaluated.stream().map(AlarmsJson.NotEvaluated::alarm).toList());
        assertEquals("none of the 1 evaluated would have fired; not evaluated: redis-memory-high ("
                + notEvaluated.get(0).reason() + "); redis-connections-high (" + notEvaluated.get(1).reason() + ")",
                AlarmsVerdict.sentence(3, 0, notEvaluated));
    }

    private static AlarmRule memory(TreatMissingData missing) {
        return new AlarmRule("mem", "DatabaseMemoryUsagePercentage", Statistic.Average, 300, 2, 2, 80,
                Comparison.GreaterThanThreshold, missing);
    }

    private void writeServerCsv(String metric, double... periodValues) throws IOException {
        StringBuilder csv = new StringBuilder("epoch_sec,node,metric,value\n");
        for (int period = 0; period < periodValues.length; period++) {
            if (Double.isNaN(periodValues[period])) {
                continue;
            }
            for (int second = 0; second < 300; second++) {
                csv.append(T0 + period * 300L + second).append(",primary,").append(metric).append(',')
                        .append(periodValues[period]).append('\n');
            }
        }
        Files.writeString(runDir.resolve("server.csv"), csv);
    }
}
