package dev.queuebench.metrics.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.cli.QueuebenchCommand;
import dev.queuebench.rundir.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmsFileTest {
    @TempDir
    Path dir;

    @Test
    void readsDescribeAlarmsOutputWithDefaults() throws IOException {
        Path file = write("""
                {"MetricAlarms": [{"AlarmName": "lag", "Namespace": "AWS/ElastiCache", "MetricName": "ReplicationLag",
                  "Statistic": "Maximum", "Period": 60, "EvaluationPeriods": 3, "Threshold": 1.5,
                  "ComparisonOperator": "GreaterThanOrEqualToThreshold",
                  "Dimensions": [{"Name": "CacheClusterId", "Value": "qb-002"}]}]}
                """);
        assertEquals(List.of(new AlarmRule("lag", "ReplicationLag", Statistic.Maximum, 60, 3, 3, 1.5,
                Comparison.GreaterThanOrEqualToThreshold, TreatMissingData.MISSING)), AlarmsFile.readRules(file));
    }

    @Test
    void anUnknownMetricIsRejectedNamingTheFileAndAlarm() throws IOException {
        Path file = write("""
                [{"AlarmName": "typo", "MetricName": "CPUUtilisation", "Statistic": "Average", "Period": 300,
                  "EvaluationPeriods": 2, "Threshold": 70, "ComparisonOperator": "GreaterThanThreshold"}]
                """);
        BadInputException error = assertThrows(BadInputException.class, () -> AlarmsFile.readRules(file));
        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains("'typo'")
                && error.getMessage().contains("unknown MetricName 'CPUUtilisation'"), error.getMessage());
    }

    @Test
    void truncatedJsonNamesTheFileAndLine() throws IOException {
        Path file = write("[{\"AlarmName\": \"cpu\",\n \"MetricName\": \"CPUUtilization\"");
        BadInputException error = assertThrows(BadInputException.class, () -> AlarmsFile.readRules(file));
        assertTrue(error.getMessage().startsWith(file + " line 2: truncated JSON"), error.getMessage());
    }

    @Test
    void datapointsToAlarmAboveEvaluationPeriodsIsRejected() throws IOException {
        Path file = write("""
                {"AlarmName": "cpu", "MetricName": "CPUUtilization", "Statistic": "Average", "Period": 300,
                 "EvaluationPeriods": 2, "DatapointsToAlarm": 3, "Threshold": 70, "ComparisonOperator": "GreaterThanThreshold"}
                """);
        BadInputException error = assertThrows(BadInputException.class, () -> AlarmsFile.readRules(file));
        assertTrue(error.getMessage().contains("DatapointsToAlarm must be between 1 and EvaluationPeriods"),
                error.getMessage());
    }

    @Test
    void theAlarmsVerbWritesAlarmsJsonAndRefusesABadRulesFileAsAUsageError() throws IOException {
        Files.writeString(dir.resolve("server.csv"), "epoch_sec,node,metric,value\n1764065700,primary,CurrConnections,12\n");
        assertEquals(0, QueuebenchCommand.commandLine().execute("alarms", dir.toString()));
        assertTrue(Files.exists(dir.resolve("alarms.json")));
        Path rules = write("{\"AlarmName\": \"x\"}");
        assertEquals(2, QueuebenchCommand.commandLine().execute("alarms", dir.toString(), "--rules", rules.toString()));
        assertEquals(2, QueuebenchCommand.commandLine().execute("alarms", dir.resolve("missing").toString()));
    }

    @Test
    void aCorruptServerCsvLineIsAFailureNamingTheLine() throws IOException {
        Files.writeString(dir.resolve("server.csv"),
                "epoch_sec,node,metric,value\n1764065700,primary,CurrConnections,12\nabc,primary\n1764065701,primary,CurrConnections,12\n");
        BadInputException error = assertThrows(BadInputException.class,
                () -> AlarmEvaluator.evaluate(dir, AlarmRule.capacityPlan()));
        assertTrue(error.getMessage().contains("server.csv line 3"), error.getMessage());
        assertEquals(1, QueuebenchCommand.commandLine().execute("alarms", dir.toString()));
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, json);
        return file;
    }
}
