package dev.queuebench.metrics.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code events import}: the AWS CLI's describe-events JSON onto a run's timeline, and every way a file can be wrong. */
class ElastiCacheEventsImportTest {
    private static final String GOOD_EVENT = "{\"SourceIdentifier\": \"qb-prod\", \"SourceType\": \"replication-group\", "
            + "\"Message\": \"Test Failover API called for node group 0001\", \"Date\": \"2026-11-25T10:20:00.441Z\"}";

    @TempDir
    Path dir;

    @Test
    void theEventsOfTheRunLandOnItsTimelineOnceInTimeOrder() throws IOException {
        RunFiles run = FailoverTimeline.run(dir);
        DescribeEventsJson.Output read = DescribeEventsJson.read(QueryProtocolServer.resource("elasticache/describe-events.json"));
        assertEquals(8, read.events().size());
        assertFalse(read.morePages());

        ElastiCacheTimeline.Result result = ElastiCacheTimeline.append(run, read.events());
        List<String> rows = new ArrayList<>(FailoverTimeline.FAILOVER_ROWS);
        // Not a step of a failover: its kind is its SourceType.
        rows.add("1795602600000,elasticache,cache-cluster,qb-prod-002: Snapshot succeeded for snapshot with ID "
                + "'qb-prod-before-drill'");
        assertEquals(FailoverTimeline.timeline(rows), Files.readAllLines(run.file(RunFiles.EVENTS_CSV)));
        // 10:14:40Z, and 12:00+02:00 (10:00Z): before the run's 10:15.
        assertEquals(2, result.outsideRun());
        assertEquals("Added 6 ElastiCache events to " + run.file(RunFiles.EVENTS_CSV) + "; 2 outside the run "
                + "(2026-11-25T10:15:00Z to 2026-11-25T10:45:00Z) left out", result.describe(run));

        byte[] once = Files.readAllBytes(run.file(RunFiles.EVENTS_CSV));
        ElastiCacheTimeline.Result again = ElastiCacheTimeline.append(run, read.events());
        assertEquals(0, again.added().size());
        assertEquals(6, again.alreadyThere());
        assertArrayEquals(once, Files.readAllBytes(run.file(RunFiles.EVENTS_CSV)));
    }

    @Test
    void kindsNameTheStepsOfAFailoverElseTheSourceType() {
        assertEquals(List.of("test-failover", "failover", "recovery", "recovered", "restart", "cache-cluster",
                        "replication-group"),
                Stream.of("Test Failover API called for node group 0001",
                        "Failover to replica node qb-prod-002 completed", "Recovering cache nodes 0001",
                        "Finished recovery for cache nodes 0001", "Cache node 0001 restarted",
                        "Snapshot succeeded for snapshot with ID 'x'", "Modifying cache node type to cache.r7g.large")
                        .map(message -> new ElastiCacheEvent(message.startsWith("Modifying") ? "qb-prod" : "qb-prod-002",
                                message.startsWith("Modifying") ? "replication-group" : "cache-cluster", message, 0L)
                                .timelineEvent().kind())
                        .toList());
    }

    @Test
    void epochSecondsAndAMarkerAreRead() throws IOException {
        Path file = write("{\"Events\": [{\"SourceIdentifier\": \"qb-prod\", \"SourceType\": \"replication-group\", "
                + "\"Message\": \"Test Failover API called for node group 0001\", \"Date\": 1795602000.441}], "
                + "\"Marker\": \"next\"}");
        DescribeEventsJson.Output read = DescribeEventsJson.read(file);
        assertEquals(1_795_602_000_441L, read.events().get(0).epochMs());
        assertTrue(read.morePages());
    }

    static Stream<Arguments> hostileFiles() {
        String event = GOOD_EVENT;
        return Stream.of(
                Arguments.of("{\"Events\": [{\"SourceIdentifier\": \"qb-prod\",", " line 1: truncated JSON"),
                Arguments.of("<html><body>503 Service Unavailable</body></html>", " line 1: malformed JSON"),
                Arguments.of("  \n", ": is empty, expected a JSON document"),
                Arguments.of("[" + event + "]", ": not the output of 'aws elasticache describe-events --output json': "
                        + "expected an object with an \"Events\" array, found an array"),
                Arguments.of("{\"events\": [" + event + "]}", "found an object without one"),
                Arguments.of("{\"Events\": " + event + "}", "found an object without one"),
                Arguments.of("{\"Events\": [\"qb-prod\"]}", " Events[0]: expected an object with SourceIdentifier, "
                        + "SourceType, Message and Date, found a string"),
                Arguments.of("{\"Events\": [" + event.replace("441Z", "441") + "]}",
                        " Events[0] Date: timestamp '2026-11-25T10:20:00.441' has no zone: write it as "
                                + "2026-11-25T10:20:00.441Z (UTC) or with its +hh:mm offset"),
                Arguments.of("{\"Events\": [" + event.replace(", \"Date\": \"2026-11-25T10:20:00.441Z\"", "") + "]}",
                        " Events[0] Date: the timestamp is missing"),
                Arguments.of("{\"Events\": [" + event.replace("Test Failover", "\\u001b[31mTest Failover") + "]}",
                        " Events[0]: Message holds the control character U+001B at character 0"),
                Arguments.of("{\"Events\": [" + event.replace("called for", "called\\nfor") + "]}",
                        " Events[0]: Message holds the control character U+000A at character 24"),
                Arguments.of("{\"Events\": [" + event.replace("Test Failover", "\\u202eTest Failover") + "]}",
                        " Events[0]: Message holds the control character U+202E at character 0"),
                Arguments.of("{\"Events\": [" + event.replace("\"Test Failover API called for node group 0001\"", "42") + "]}",
                        " Events[0]: Message is a number, not text"),
                Arguments.of("{\"Events\": [" + event.replace("Test Failover API called for node group 0001", "x".repeat(5_000)) + "]}",
                        " Events[0]: Message is 5000 characters long"),
                Arguments.of("{\"Events\": [" + event.replace("\"replication-group\"", "\"Replication Group\"") + "]}",
                        " Events[0]: SourceType 'Replication Group' is not an ElastiCache source type"),
                Arguments.of("{\"Events\": [" + event.replace("\"qb-prod\"", "\"../../etc/passwd\"") + "]}",
                        " Events[0]: SourceIdentifier '../../etc/passwd' is not an ElastiCache name"),
                // A good event first: the bad second one still refuses the whole file.
                Arguments.of("{\"Events\": [" + event + ", " + event.replace("Z\"}", "\"}") + "]}",
                        " Events[1] Date: timestamp '2026-11-25T10:20:00.441' has no zone"),
                Arguments.of("{\"Events\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}", ": Document nesting depth"));
    }

    /** A truncated or hostile file is refused, naming the file and what is wrong, and events.csv stays as it was. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("hostileFiles")
    void aHostileFileIsRefusedAndTheTimelineStaysAsItWas(String content, String expected) throws IOException {
        RunFiles run = FailoverTimeline.run(dir);
        byte[] before = Files.readAllBytes(run.file(RunFiles.EVENTS_CSV));
        Path file = write(content);
        BadInputException error = assertThrows(BadInputException.class,
                () -> ElastiCacheTimeline.append(run, DescribeEventsJson.read(file).events()));
        assertTrue(error.getMessage().startsWith(file + ""), error.getMessage());
        assertTrue(error.getMessage().contains(expected), "'" + expected + "' not in: " + error.getMessage());
        assertFalse(error.getMessage().chars().anyMatch(c -> c == 0x1b || c == '\n' || c == 0x202e), error.getMessage());
        assertArrayEquals(before, Files.readAllBytes(run.file(RunFiles.EVENTS_CSV)));
    }

    @Test
    void aHundredMegabyteFileIsRefusedWithoutBeingRead() throws IOException {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(100L * 1024 * 1024);
        }
        BadInputException error = assertThrows(BadInputException.class, () -> DescribeEventsJson.read(file));
        assertEquals(file + ": 104857600 bytes, more than the 16777216 such a file can be: is it the right file?",
                error.getMessage());
        assertEquals(dir.resolve("nothing.json") + ": no such file",
                assertThrows(BadInputException.class, () -> DescribeEventsJson.read(dir.resolve("nothing.json"))).getMessage());
    }

    @Test
    void aTimelineWhoseLastLineIsHalfWrittenIsLeftAsItIs() throws IOException {
        RunFiles run = FailoverTimeline.run(dir);
        Files.writeString(run.file(RunFiles.EVENTS_CSV), "1795601770000,person", StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(run.file(RunFiles.EVENTS_CSV));
        Path file = write("{\"Events\": [" + GOOD_EVENT + "]}");
        BadInputException error = assertThrows(BadInputException.class,
                () -> ElastiCacheTimeline.append(run, DescribeEventsJson.read(file).events()));
        assertTrue(error.getMessage().contains("its last line is half written"), error.getMessage());
        assertArrayEquals(before, Files.readAllBytes(run.file(RunFiles.EVENTS_CSV)));
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("describe-events.json"), content, StandardCharsets.UTF_8);
    }
}
