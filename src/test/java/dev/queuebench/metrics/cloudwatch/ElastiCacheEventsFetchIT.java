package dev.queuebench.metrics.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.cli.CommandOutput;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * {@code events fetch} against a local server answering like ElastiCache (recorded Query-protocol responses
 * under src/test/resources/elasticache/): DescribeReplicationGroups for the members, DescribeEvents for the
 * group and each member over the run's window with a minute either side, two pages by Marker; the events of
 * the run's span onto events.csv, once, all or none.
 */
class ElastiCacheEventsFetchIT {
    @TempDir
    Path runDir;

    private QueryProtocolServer server;
    private volatile boolean secondPageWithoutDate;

    @BeforeEach
    void startServerAndRun() throws IOException {
        server = new QueryProtocolServer(this::answer);
        FailoverTimeline.run(runDir);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theGroupsAndItsNodesEventsOfTheRunLandOnTheTimelineInTimeOrder() throws IOException {
        ElastiCacheEventsFetcher.Fetched fetched = fetch("qb-prod");
        assertEquals(List.of("qb-prod-001", "qb-prod-002"), fetched.memberClusters());
        assertEquals(6, fetched.events().size());

        List<Map<String, String>> requests = server.requests();
        assertEquals(List.of("DescribeReplicationGroups", "DescribeEvents", "DescribeEvents", "DescribeEvents",
                "DescribeEvents"), requests.stream().map(form -> form.get("Action")).toList());
        assertEquals("qb-prod", requests.get(0).get("ReplicationGroupId"));
        assertEquals(List.of("replication-group qb-prod null", "replication-group qb-prod qb-prod-page-2",
                "cache-cluster qb-prod-001 null", "cache-cluster qb-prod-002 null"),
                requests.subList(1, 5).stream().map(form -> form.get("SourceType") + " " + form.get("SourceIdentifier")
                        + " " + form.get("Marker")).toList());
        for (Map<String, String> describe : requests.subList(1, 5)) {
            // The run's 10:15 to 10:45, a minute more either side.
            assertEquals("2026-11-25T10:14:00Z", describe.get("StartTime"));
            assertEquals("2026-11-25T10:46:00Z", describe.get("EndTime"));
            assertEquals("100", describe.get("MaxRecords"));
        }

        ElastiCacheTimeline.Result result = ElastiCacheTimeline.append(new RunFiles(runDir), fetched.events());
        assertEquals(5, result.added().size());
        assertEquals(0, result.alreadyThere());
        assertEquals(1, result.outsideRun());
        assertEquals(FailoverTimeline.timeline(FailoverTimeline.FAILOVER_ROWS), Files.readAllLines(runDir.resolve(RunFiles.EVENTS_CSV)));
        QueryProtocolServer.assertNoCredentialIn(runDir);
    }

    @Test
    void fetchingAgainAddsNothing() throws IOException {
        RunFiles run = new RunFiles(runDir);
        ElastiCacheTimeline.append(run, fetch("qb-prod").events());
        byte[] once = Files.readAllBytes(run.file(RunFiles.EVENTS_CSV));
        ElastiCacheTimeline.Result again = ElastiCacheTimeline.append(run,
                fetch("qb-prod").events());
        assertEquals(List.of(), again.added());
        assertEquals(5, again.alreadyThere());
        assertArrayEquals(once, Files.readAllBytes(run.file(RunFiles.EVENTS_CSV)));
    }

    @Test
    void aBadEventOnTheSecondPageWritesNothing() throws IOException {
        secondPageWithoutDate = true;
        byte[] before = Files.readAllBytes(runDir.resolve(RunFiles.EVENTS_CSV));
        BadInputException error = assertThrows(BadInputException.class,
                () -> fetch("qb-prod"));
        assertEquals("ElastiCache's DescribeEvents answer for replication-group qb-prod page 2 event 2: the event "
                + "has no Date", error.getMessage());
        assertArrayEquals(before, Files.readAllBytes(runDir.resolve(RunFiles.EVENTS_CSV)));
    }

    @Test
    void theCommandFetchesWithTheDefaultCredentialChainAndSaysWhatItAdded() throws IOException {
        CommandOutput ok = command("events", "fetch", runDir.toString(), "--replication-group", "qb-prod",
                "--region", "eu-west-1", "--endpoint-url", server.endpoint().toString());
        assertEquals(0, ok.exitCode(), ok.toString());
        assertTrue(ok.out().contains("Fetched 6 events of replication group qb-prod and its nodes qb-prod-001, "
                + "qb-prod-002 (2026-11-25T10:14:00Z to 2026-11-25T10:46:00Z)"), ok.out());
        assertTrue(ok.out().contains("Added 5 ElastiCache events to " + runDir.resolve(RunFiles.EVENTS_CSV)
                + "; 1 outside the run (2026-11-25T10:15:00Z to 2026-11-25T10:45:00Z) left out"), ok.out());
        assertTrue(server.authorizations().stream()
                .allMatch(header -> header.contains("Credential=" + QueryProtocolServer.FAKE_KEY_ID + "/")));
        assertEquals(FailoverTimeline.timeline(FailoverTimeline.FAILOVER_ROWS), Files.readAllLines(runDir.resolve(RunFiles.EVENTS_CSV)));

        CommandOutput unknown = command("events", "fetch", runDir.toString(), "--replication-group", "qb-other",
                "--region", "eu-west-1", "--endpoint-url", server.endpoint().toString());
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().startsWith("Nothing fetched: Replication group 'qb-other' not found in eu-west-1"),
                unknown.err());
        for (CommandOutput output : List.of(ok, unknown)) {
            QueryProtocolServer.assertNoCredentialIn(output.out() + output.err(), "the command's output");
        }
        QueryProtocolServer.assertNoCredentialIn(runDir);
    }

    @Test
    void anUnknownGroupIsAClearErrorAndWritesNothing() throws IOException {
        byte[] before = Files.readAllBytes(runDir.resolve(RunFiles.EVENTS_CSV));
        BadInputException error = assertThrows(BadInputException.class,
                () -> fetch("qb-other"));
        assertTrue(error.getMessage().startsWith("Replication group 'qb-other' not found in eu-west-1 (endpoint "
                + server.endpoint() + "): check --replication-group and --region"), error.getMessage());
        assertArrayEquals(before, Files.readAllBytes(runDir.resolve(RunFiles.EVENTS_CSV)));
    }

    private ElastiCacheEventsFetcher.Fetched fetch(String group) {
        return ElastiCacheEventsFetcher.fetch(new AwsAccess(Region.EU_WEST_1, server.endpoint(),
                QueryProtocolServer.CREDENTIALS), group, Instant.parse("2026-11-25T10:14:00Z"),
                Instant.parse("2026-11-25T10:46:00Z"));
    }

    private QueryProtocolServer.Answer answer(Map<String, String> form) {
        if ("DescribeReplicationGroups".equals(form.get("Action"))) {
            return "qb-prod".equals(form.get("ReplicationGroupId"))
                    ? QueryProtocolServer.recorded(200, "cloudwatch/describe-replication-groups.xml")
                    : QueryProtocolServer.recorded(404, "elasticache/replication-group-not-found.xml");
        }
        String page = switch (form.get("SourceIdentifier") + " " + form.get("Marker")) {
            case "qb-prod null" -> "describe-events-qb-prod-page1.xml";
            case "qb-prod qb-prod-page-2" -> secondPageWithoutDate ? "describe-events-no-date.xml"
                    : "describe-events-qb-prod-page2.xml";
            case "qb-prod-001 null" -> "describe-events-qb-prod-001.xml";
            default -> "describe-events-empty.xml";
        };
        return QueryProtocolServer.recorded(200, "elasticache/" + page);
    }

    /** Runs the command line with credentials from the default chain's first link, system properties. */
    private static CommandOutput command(String... args) {
        System.setProperty("aws.accessKeyId", QueryProtocolServer.FAKE_KEY_ID);
        System.setProperty("aws.secretAccessKey", QueryProtocolServer.FAKE_SECRET);
        try {
            return CommandOutput.run(args);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
