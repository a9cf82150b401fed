package dev.queuebench.metrics.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.cli.QueuebenchCommand;
import dev.queuebench.rundir.JsonFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.queuebench.rundir.CloudWatchCsv;
import dev.queuebench.rundir.CloudWatchRow;
import dev.queuebench.rundir.GoldenRunDirs;

/** Imports of recorded AWS CLI output (src/test/resources/cloudwatch/), through the command line. */
class CloudWatchImportTest {
    /** 2026-11-25T10:00:00Z */
    private static final long T10 = 1_795_600_800L;

    @TempDir
    Path runDir;

    @Test
    void getMetricDataWithItsQueriesFileBecomesSortedRows() throws Exception {
        assertEquals(0, run("cloudwatch", "import", resource("get-metric-data.json").toString(), "--queries",
                resource("get-metric-data-queries.json").toString(), "--out", runDir.toString()));
        assertEquals(List.of(
                "epoch_sec,node,metric,statistic,period_sec,value",
                T10 + ",qb-prod-001,CurrConnections,Maximum,60,585",
                (T10 + 60) + ",qb-prod-001,CurrConnections,Maximum,60,958",
                T10 + ",qb-prod-001,EngineCPUUtilization,Average,60,40",
                (T10 + 120) + ",qb-prod-001,EngineCPUUtilization,Average,60,53.25",
                (T10 + 180) + ",qb-prod-001,EngineCPUUtilization,Average,60,54.1"),
                Files.readAllLines(CloudWatchCsv.file(runDir)), "10:01 CPU is missing upstream and stays a gap");
        JsonNode source = JsonFiles.read(runDir.resolve("cloudwatch/source.json"));
        assertEquals("get-metric-data.json", source.at("/sources/0/files/0").asText());
        assertEquals(T10, source.at("/sources/0/data_from_epoch_sec").asLong());
    }

    @Test
    void getMetricStatisticsGivesOneRowPerStatisticWithThePeriodFromTheTimestamps() throws Exception {
        assertEquals(0, run("cloudwatch", "import", resource("get-metric-statistics.json").toString(), "--node",
                "qb-prod-001", "--replication-group", "qb-prod", "--out", runDir.toString()));
        List<String> lines = Files.readAllLines(CloudWatchCsv.file(runDir));
        assertEquals(List.of(
                "epoch_sec,node,metric,statistic,period_sec,value",
                T10 + ",qb-prod-001,DatabaseMemoryUsagePercentage,Average,300,78",
                (T10 + 300) + ",qb-prod-001,DatabaseMemoryUsagePercentage,Average,300,90",
                T10 + ",qb-prod-001,DatabaseMemoryUsagePercentage,Maximum,300,81.25",
                (T10 + 300) + ",qb-prod-001,DatabaseMemoryUsagePercentage,Maximum,300,90.5"), lines);
        assertEquals("qb-prod", JsonFiles.read(runDir.resolve("cloudwatch/source.json")).get("replication_group").asText());
    }

    @Test
    void anImportedExportOfHighCpuFiresTheCapacityPlansCpuAlarm() throws Exception {
        assertEquals(0, run("cloudwatch", "import", resource("cpu-high-get-metric-statistics.json").toString(),
                "--node", "qb-prod-001", "--out", runDir.toString()));
        assertEquals(0, run("alarms", runDir.toString()));
        JsonNode episodes = JsonFiles.read(runDir.resolve("alarms.json")).get("episodes");
        assertEquals(1, episodes.size(), episodes.toString());
        assertEquals("redis-cpu-high", episodes.get(0).get("alarm").asText());
        assertEquals("cloudwatch", episodes.get(0).get("source").asText());
        assertEquals("qb-prod-001", episodes.get(0).get("node").asText());
        // 10:00-10:05 and 10:05-10:10 average 75 %: ALARM at 10:10; 10:10-10:15 averages 40 %: OK at 10:15.
        assertEquals(T10 + 600, episodes.get(0).get("start_epoch_sec").asLong());
        assertEquals(T10 + 900, episodes.get(0).get("end_epoch_sec").asLong());
        assertEquals(75.0, episodes.get(0).get("peak_value").asDouble());
    }

    @Test
    void dataOutsideTheRunsTimeIsPointedOut() throws Exception {
        Files.writeString(runDir.resolve("run.json"), "{\"id\": \"overlap\", \"start_ms\": " + (T10 + 3600) * 1000
                + ", \"end_ms\": " + (T10 + 3900) * 1000 + "}");
        CloudWatchRow before = new CloudWatchRow(T10, "qb-prod-001", "CPUUtilization", "Average", 60, 50);
        CloudWatchRow during = new CloudWatchRow(T10 + 3660, "qb-prod-001", "CPUUtilization", "Average", 60, 50);
        assertTrue(RunOverlap.warning(runDir, List.of(before)).orElseThrow().contains("does not overlap the run"));
        assertTrue(RunOverlap.warning(runDir, List.of(before, during)).isEmpty());
    }

    @Test
    void aNodeOrAStatisticThatIsNotOneIsAUsageErrorAndNothingIsWritten() throws Exception {
        String file = resource("get-metric-statistics.json").toString();
        assertEquals(2, run("cloudwatch", "import", file, "--node", "qb,prod", "--out", runDir.toString()));
        assertEquals(2, run("cloudwatch", "import", file, "--node", "qb-prod-001", "--statistic", "Avg,x", "--out",
                runDir.toString()));
        assertEquals(2, run("cloudwatch", "import", file, "--node", "qb-prod-001", "--statistic", "Foo", "--out",
                runDir.toString()));
        assertFalse(Files.exists(CloudWatchCsv.file(runDir)));
        assertEquals(0, run("cloudwatch", "import", file, "--node", "qb-prod-001", "--statistic", "p99.9", "--out",
                runDir.toString()));
    }

    @Test
    void cloudWatchDataOfAnotherWindowIsSaidInTheSummaryNotDroppedSilently(@TempDir Path temp) throws Exception {
        Path run = GoldenRunDirs.copy(temp, GoldenRunDirs.SMOKE);
        assertEquals(0, run("cloudwatch", "import", resource("get-metric-statistics.json").toString(), "--node",
                "qb-prod-001", "--out", run.toString()));

        assertEquals(0, run("report", run.toString()));

        JsonNode warning = null;
        for (JsonNode w : JsonFiles.read(run.resolve("summary.json")).get("warnings")) {
            warning = w.get("code").asText().equals("CLOUDWATCH_OUTSIDE_RUN") ? w : warning;
        }
        assertTrue(warning != null && warning.get("message").asText().contains("none of it within the run"),
                String.valueOf(warning));
        assertTrue(Files.readString(run.resolve("report.md")).contains("none of it within the run"));
    }

    @Test
    void truncatedJsonIsRefusedNamingTheFileAndNothingIsWritten() throws Exception {
        String error = errorOf("cloudwatch", "import", resource("truncated.json").toString(), "--node", "qb-prod-001",
                "--out", runDir.toString());
        assertTrue(error.contains("truncated.json line ") && error.contains("truncated JSON"), error);
        assertFalse(Files.exists(CloudWatchCsv.file(runDir)));
    }

    @Test
    void aTimestampWithoutAZoneIsRefused() throws Exception {
        String error = errorOf("cloudwatch", "import", resource("no-zone.json").toString(), "--node", "qb-prod-001",
                "--out", runDir.toString());
        assertTrue(error.contains("no-zone.json") && error.contains("Datapoints[0]")
                && error.contains("'2026-11-25T10:05:00' has no zone"), error);
    }

    @Test
    void anUnknownMetricNameIsRefused() throws Exception {
        String error = errorOf("cloudwatch", "import", resource("unknown-metric.json").toString(), "--node",
                "qb-prod-001", "--out", runDir.toString());
        assertTrue(error.contains("unknown metric name 'DatabaseMemoryUsagePercent'"), error);
    }

    @Test
    void dataForAnotherReplicationGroupIsRefused() throws Exception {
        assertEquals(0, run("cloudwatch", "import", resource("get-metric-statistics.json").toString(), "--node",
                "qb-prod-001", "--replication-group", "qb-prod", "--out", runDir.toString()));
        String error = errorOf("cloudwatch", "import", resource("get-metric-statistics.json").toString(), "--node",
                "qb-staging-001", "--out", runDir.toString());
        assertTrue(error.contains("'qb-staging-001' is not a member of replication group 'qb-prod'"), error);
    }

    private String errorOf(String... args) throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, QueuebenchCommand.commandLine().execute(args));
        } finally {
            System.setErr(originalErr);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static int run(String... args) {
        return QueuebenchCommand.commandLine().execute(args);
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(CloudWatchImportTest.class.getResource("/cloudwatch/" + name).toURI());
    }
}
