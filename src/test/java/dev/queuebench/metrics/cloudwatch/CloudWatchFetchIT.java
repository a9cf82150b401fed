package dev.queuebench.metrics.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.rundir.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import dev.queuebench.rundir.CloudWatchRow;
import dev.queuebench.rundir.CloudWatchCsv;

/**
 * The SDK path against a local HTTP server that answers like ElastiCache and CloudWatch (Query
 * protocol, recorded XML responses under src/test/resources/cloudwatch/), through an endpoint override
 * ({@link QueryProtocolServer}).
 */
class CloudWatchFetchIT {
    private static final Pattern QUERY_FIELD = Pattern.compile("MetricDataQueries\\.member\\.(\\d+)\\.(.+)");

    @TempDir
    Path runDir;

    private QueryProtocolServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new QueryProtocolServer(CloudWatchFetchIT::answer);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void fetchesEveryNodeOfTheGroupPagingThroughGetMetricData() throws IOException {
        List<CloudWatchRow> rows = CloudWatchFetcher.fetch(runDir, request("qb-prod"));
        List<Map<String, String>> requests = server.requests();
        assertEquals(6, rows.size());
        assertEquals("DescribeReplicationGroups", requests.get(0).get("Action"));
        assertEquals("qb-prod", requests.get(0).get("ReplicationGroupId"));
        assertEquals("GetMetricData", requests.get(1).get("Action"));
        assertEquals("page-2", requests.get(2).get("NextToken"));
        // Every fetched metric and statistic for both member clusters, 60 s for data an hour old.
        long queries = requests.get(1).keySet().stream().filter(key -> key.endsWith(".Id")).count();
        assertEquals(2L * ElastiCacheMetrics.FETCHED.values().stream().mapToInt(List::size).sum(), queries);
        assertTrue(requests.get(1).containsValue("qb-prod-002"));
        assertEquals("60", requests.get(1).get("MetricDataQueries.member.1.MetricStat.Period"));
        assertTrue(server.authorizations().stream()
                .allMatch(header -> header.contains("Credential=" + QueryProtocolServer.FAKE_KEY_ID + "/")));

        List<String> lines = Files.readAllLines(CloudWatchCsv.file(runDir));
        assertEquals(List.of(
                "epoch_sec,node,metric,statistic,period_sec,value",
                "1795600800,qb-prod-001,CurrConnections,Maximum,60,958",
                "1795600920,qb-prod-001,CurrConnections,Maximum,60,585",
                "1795600800,qb-prod-001,EngineCPUUtilization,Average,60,53.5",
                "1795600860,qb-prod-001,EngineCPUUtilization,Average,60,54.25",
                "1795600800,qb-prod-002,ReplicationLag,Maximum,60,0.012",
                "1795600920,qb-prod-002,ReplicationLag,Maximum,60,0.5"), lines);
        String source = Files.readString(runDir.resolve("cloudwatch/source.json"));
        assertTrue(source.contains("\"replication_group\" : \"qb-prod\"") && source.contains("eu-west-1"), source);
        QueryProtocolServer.assertNoCredentialIn(runDir);
    }

    @Test
    void anUnknownReplicationGroupIsAClearError() {
        BadInputException error = assertThrows(BadInputException.class,
                () -> CloudWatchFetcher.fetch(runDir, request("qb-other")));
        assertTrue(error.getMessage().contains("Replication group 'qb-other' not found in eu-west-1"), error.getMessage());
        assertFalse(Files.exists(CloudWatchCsv.file(runDir)));
    }

    private CloudWatchFetcher.Request request(String group) {
        Instant to = Instant.now();
        return new CloudWatchFetcher.Request(group, to.minus(Duration.ofHours(1)), to, Region.EU_WEST_1,
                server.endpoint(), QueryProtocolServer.CREDENTIALS);
    }

    private static QueryProtocolServer.Answer answer(Map<String, String> form) {
        if ("DescribeReplicationGroups".equals(form.get("Action"))) {
            return "qb-prod".equals(form.get("ReplicationGroupId"))
                    ? QueryProtocolServer.recorded(200, "cloudwatch/describe-replication-groups.xml")
                    : QueryProtocolServer.recorded(404, "cloudwatch/replication-group-not-found.xml");
        }
        QueryProtocolServer.Answer page = QueryProtocolServer.recorded(200, form.containsKey("NextToken")
                ? "cloudwatch/get-metric-data-page2.xml" : "cloudwatch/get-metric-data-page1.xml");
        return new QueryProtocolServer.Answer(200, withRequestIds(page.body(), form));
    }

    /** The recorded responses name results {node/metric/statistic}: put in the Ids this request gave them. */
    private static String withRequestIds(String body, Map<String, String> form) {
        Map<String, Map<String, String>> queries = new HashMap<>();
        form.forEach((key, value) -> {
            Matcher field = QUERY_FIELD.matcher(key);
            if (field.matches()) {
                queries.computeIfAbsent(field.group(1), n -> new HashMap<>()).put(field.group(2), value);
            }
        });
        String answered = body;
        for (Map<String, String> query : queries.values()) {
            String key = "{" + query.get("MetricStat.Metric.Dimensions.member.1.Value") + "/"
                    + query.get("MetricStat.Metric.MetricName") + "/" + query.get("MetricStat.Stat") + "}";
            answered = answered.replace(key, query.get("Id"));
        }
        return answered;
    }
}
