package dev.queuebench.metrics.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.rundir.BadInputException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;

/**
 * The {@code elasticache-failover} drill's TestFailover call against a local server answering with
 * recorded Query-protocol responses (src/test/resources/elasticache/): the parameters sent, ElastiCache's
 * answer, one clear message per fault (with the HTTP status AWS answers it with), and one request only,
 * whatever the answer.
 */
class ElastiCacheFailoverIT {
    private QueryProtocolServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTestFailoverIsSentOnceForNodeGroup0001AndAnswersTheGroupsStatus() throws IOException {
        server = new QueryProtocolServer(form -> QueryProtocolServer.recorded(200, "elasticache/test-failover.xml"));
        String status = ElastiCacheFailover.testFailover(request("qb-prod", null));
        assertEquals("modifying", status);
        List<Map<String, String>> requests = server.requests();
        assertEquals(1, requests.size());
        assertEquals("TestFailover", requests.get(0).get("Action"));
        assertEquals("2015-02-02", requests.get(0).get("Version"));
        assertEquals("qb-prod", requests.get(0).get("ReplicationGroupId"));
        assertEquals("0001", requests.get(0).get("NodeGroupId"));
        String authorization = server.authorizations().get(0);
        assertTrue(authorization.contains("Credential=" + QueryProtocolServer.FAKE_KEY_ID + "/")
                && authorization.contains("/eu-west-1/elasticache/aws4_request"), authorization);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("replication-group-not-found.xml", 404, BadInputException.class, List.of(
                        "Replication group 'qb-prod' not found in eu-west-1 (endpoint http://127.0.0.1:",
                        "check --replication-group and --region",
                        "aws elasticache describe-replication-groups --region eu-west-1")),
                Arguments.of("node-group-not-found.xml", 404, BadInputException.class, List.of(
                        "No node group 0001 in replication group 'qb-prod' in eu-west-1",
                        "cluster mode disabled has the one node group 0001",
                        "NodeGroups[].NodeGroupId")),
                Arguments.of("test-failover-not-available.xml", 400, IllegalStateException.class, List.of(
                        "ElastiCache refused the test failover of replication group 'qb-prod' node group 0001 in eu-west-1",
                        "TestFailoverNotAvailableFault: Test failover is not available for replication group qb-prod",
                        "still in progress", "at most 15 node groups in any rolling 24 hours", "No failover happened",
                        "aws elasticache describe-events --source-type replication-group --source-identifier qb-prod")),
                Arguments.of("api-call-rate-exceeded.xml", 400, IllegalStateException.class, List.of(
                        "ElastiCache refused the test failover of replication group 'qb-prod' node group 0001 in eu-west-1",
                        "API rate limit was exceeded (APICallRateForCustomerExceeded: The customer has exceeded",
                        "Not retried", "no failover happened; try again later")),
                // The SDK's own retries would send this one again (as they would a 5xx): they must not.
                Arguments.of("throttling.xml", 400, IllegalStateException.class, List.of(
                        "API rate limit was exceeded (Throttling: Rate exceeded)", "no failover happened")),
                Arguments.of("invalid-replication-group-state.xml", 400, IllegalStateException.class, List.of(
                        "Replication group 'qb-prod' in eu-west-1", "is not available for a test failover",
                        "InvalidReplicationGroupState: Replication group qb-prod is not in available state",
                        "wait until its Status is available")),
                Arguments.of("invalid-parameter-value.xml", 400, BadInputException.class, List.of(
                        "ElastiCache refused the parameters of the test failover of replication group 'qb-prod' node group 0001",
                        "InvalidParameterValue: The parameter NodeGroupId must be a valid node group id")),
                Arguments.of("invalid-parameter-combination.xml", 400, BadInputException.class, List.of(
                        "InvalidParameterCombination: Automatic failover is not enabled for replication group qb-prod",
                        "needs automatic failover enabled and a replica in the node group")),
                Arguments.of("service-unavailable.xml", 503, IllegalStateException.class, List.of(
                        "ElastiCache refused the test failover of replication group 'qb-prod' node group 0001 in eu-west-1",
                        "ServiceUnavailable: Service is unavailable")));
    }

    /** Each fault is a message that says what to do, naming the group and region; and TestFailover went once. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void eachFaultIsAClearMessageAndTheCallIsNeverRepeated(String recorded, int status,
            Class<? extends RuntimeException> type, List<String> fragments) throws IOException {
        server = new QueryProtocolServer(form -> QueryProtocolServer.recorded(status, "elasticache/" + recorded));
        RuntimeException error = assertThrows(RuntimeException.class,
                () -> ElastiCacheFailover.testFailover(request("qb-prod", "0001")));
        assertInstanceOf(type, error, error.toString());
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "'" + fragment + "' not in: " + error.getMessage());
        }
        QueryProtocolServer.assertNoCredentialIn(error.getMessage(), "the message");
        // Throttled, unavailable or refused: the SDK must not send a failover again behind the drill's back.
        assertEquals(1, server.requests().size(), recorded + " was retried: " + server.requests());
    }

    @Test
    void noAnswerInTimeFailsVisiblyAfterOneRequest() throws IOException {
        server = new QueryProtocolServer(form -> {
            Thread.sleep(3_000);
            return QueryProtocolServer.recorded(200, "elasticache/test-failover.xml");
        });
        long startNanos = System.nanoTime();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ElastiCacheFailover.testFailover(request("qb-prod", null), Duration.ofSeconds(1)));
        long tookMs = (System.nanoTime() - startNanos) / 1_000_000;
        assertTrue(error.getMessage().startsWith("No answer from ElastiCache within 1 s to the test failover of "
                + "replication group 'qb-prod' node group 0001"), error.getMessage());
        assertTrue(error.getMessage().contains("may or may not have begun"), error.getMessage());
        assertTrue(tookMs < 2_900, "gave up after " + tookMs + " ms, not at the 1 s timeout");
        assertEquals(1, server.requests().size());
    }

    @Test
    void aRequestThatIsNotOneIsRefusedBeforeAnythingIsSent() {
        assertThrows(BadInputException.class, () -> request("qb prod; rm", null));
        assertThrows(BadInputException.class, () -> request("qb-prod", "00001"));
        BadInputException withCredentials = assertThrows(BadInputException.class,
                () -> new ElastiCacheFailover.Request("qb-prod", null, Region.EU_WEST_1,
                        java.net.URI.create("http://key:secret@127.0.0.1:1"), QueryProtocolServer.CREDENTIALS));
        assertTrue(withCredentials.getMessage().contains("must not carry a user or password"),
                withCredentials.getMessage());
        assertTrue(!withCredentials.getMessage().contains("secret"), withCredentials.getMessage());
    }

    private ElastiCacheFailover.Request request(String group, String nodeGroup) {
        return new ElastiCacheFailover.Request(group, nodeGroup, Region.EU_WEST_1,
                server == null ? null : server.endpoint(), QueryProtocolServer.CREDENTIALS);
    }
}
