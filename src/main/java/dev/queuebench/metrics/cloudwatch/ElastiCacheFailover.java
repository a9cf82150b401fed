package dev.queuebench.metrics.cloudwatch;

import dev.queuebench.rundir.BadInputException;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.ApiCallRateForCustomerExceededException;
import software.amazon.awssdk.services.elasticache.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.elasticache.model.InvalidParameterValueException;
import software.amazon.awssdk.services.elasticache.model.InvalidReplicationGroupStateException;
import software.amazon.awssdk.services.elasticache.model.NodeGroupNotFoundException;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroupNotFoundException;
import software.amazon.awssdk.services.elasticache.model.TestFailoverNotAvailableException;

/**
 * The {@code elasticache-failover} drill: ElastiCache's TestFailover API for one node group (shard) of a
 * replication group, which promotes a replica of that node group the way a Multi-AZ failover does.
 *
 * <p>Sent once, never retried, and given up after {@link #API_CALL_TIMEOUT}: a drill happens at its second
 * or fails visibly, and a TestFailover the SDK sent again after a lost answer could start a second failover
 * (or be refused as one already in progress) minutes late. AWS allows test failovers on at most 15 node
 * groups per account in any rolling 24 hours, and on one node group of a group at a time (its API reference).
 *
 * <p>Refusals become messages that name the group, the node group and the region and say what to do:
 * {@link BadInputException} for the caller's mistakes (no such group or node group, parameters ElastiCache
 * refuses, AWS out of reach or no credentials), {@link IllegalStateException} for the service's refusals
 * (a failover already in progress or over the limit, the API's rate limit, a group that is not available,
 * no answer in time, anything else ElastiCache answers).
 */
public final class ElastiCacheFailover {
    /** The one node group of a group with cluster mode disabled. */
    public static final String DEFAULT_NODE_GROUP_ID = "0001";
    /** How long the call may take, connection included, before the drill fails. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** ElastiCache's rule for a replication group id: a letter, then letters, digits and hyphens, 40 at most. */
    private static final Pattern REPLICATION_GROUP_ID = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,39}");
    /** ElastiCache's node group ids are 4 characters at most ({@code 0001}, or one a user gave). */
    private static final Pattern NODE_GROUP_ID = Pattern.compile("[A-Za-z0-9-]{1,4}");

    /**
     * Which node group to fail over, and how to reach AWS.
     *
     * @param nodeGroupId      null for {@link #DEFAULT_NODE_GROUP_ID}
     * @param endpointOverride null for AWS itself; else an http(s) URL without credentials (a local stand-in)
     * @param credentials      the default chain ({@code DefaultCredentialsProvider}) outside tests, so IRSA works
     */
    public record Request(String replicationGroupId, String nodeGroupId, Region region, URI endpointOverride,
            AwsCredentialsProvider credentials) {
        public Request {
            if (replicationGroupId == null || !REPLICATION_GROUP_ID.matcher(replicationGroupId).matches()) {
                throw new BadInputException("replication group id '" + replicationGroupId + "' is not one: a letter, "
                        + "then letters, digits and hyphens, 40 at most (e.g. qb-prod)");
            }
            nodeGroupId = nodeGroupId == null ? DEFAULT_NODE_GROUP_ID : nodeGroupId;
            if (!NODE_GROUP_ID.matcher(nodeGroupId).matches()) {
                throw new BadInputException("node group id '" + nodeGroupId + "' is not one: 1 to 4 letters or "
                        + "digits, e.g. " + DEFAULT_NODE_GROUP_ID + " (the only node group with cluster mode disabled)");
            }
            // Checks the region, the endpoint (http(s), no user or password) and the credentials provider.
            new AwsAccess(region, endpointOverride, credentials);
        }

        AwsAccess aws() {
            return new AwsAccess(region, endpointOverride, credentials);
        }

        private String what() {
            return "test failover of replication group '" + replicationGroupId + "' node group " + nodeGroupId
                    + " in " + aws().where();
        }

        /** Without the credentials provider, whose own toString can print the access key id. */
        @Override
        public String toString() {
            return "TestFailover of replication group " + replicationGroupId + " node group " + nodeGroupId + " in "
                    + aws().where();
        }
    }

    private ElastiCacheFailover() {
    }

    /**
     * Calls TestFailover once; usable as a drill's action ({@code drill -> ElastiCacheFailover.testFailover(request)}).
     *
     * @return the replication group's status in ElastiCache's answer, e.g. {@code modifying}, or
     *         {@code unknown} when the answer has none
     * @throws BadInputException     for the caller's mistakes, naming what to check
     * @throws IllegalStateException for the service's refusals and for no answer in time, saying what to do
     */
    public static String testFailover(Request request) {
        return testFailover(request, API_CALL_TIMEOUT);
    }

    static String testFailover(Request request, Duration apiCallTimeout) {
        ClientOverrideConfiguration once = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(apiCallTimeout)
                .build();
        try (SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(apiCallTimeout).build();
                ElastiCacheClient elastiCache = request.aws().elastiCache(http, once)) {
            ReplicationGroup group = elastiCache.testFailover(failover -> failover
                    .replicationGroupId(request.replicationGroupId()).nodeGroupId(request.nodeGroupId()))
                    .replicationGroup();
            return group == null || group.status() == null ? "unknown" : group.status();
        } catch (ReplicationGroupNotFoundException e) {
            throw ReplicationGroupMembers.notFound(request.replicationGroupId(), request.aws());
        } catch (NodeGroupNotFoundException e) {
            throw new BadInputException("No node group " + request.nodeGroupId() + " in replication group '"
                    + request.replicationGroupId() + "' in " + request.aws().where()
                    + ": a group with cluster mode disabled has the one node group " + DEFAULT_NODE_GROUP_ID
                    + "; a group's node groups: " + describeGroup(request)
                    + " --query 'ReplicationGroups[0].NodeGroups[].NodeGroupId'");
        } catch (InvalidParameterValueException | InvalidParameterCombinationException e) {
            throw new BadInputException("ElastiCache refused the parameters of the " + request.what() + ": "
                    + said(e) + ". A test failover needs automatic failover enabled and a replica in the node group: "
                    + "see AutomaticFailover and NodeGroups in " + describeGroup(request));
        } catch (TestFailoverNotAvailableException e) {
            throw new IllegalStateException("ElastiCache refused the " + request.what() + ": " + said(e)
                    + ". A test failover of this group is still in progress, or the account has had its test failovers "
                    + "(AWS allows them on at most 15 node groups in any rolling 24 hours). No failover happened: "
                    + "see the group's recent events (" + describeEvents(request) + ") and try again later.");
        } catch (ApiCallRateForCustomerExceededException e) {
            throw rateLimited(request, e);
        } catch (InvalidReplicationGroupStateException e) {
            throw new IllegalStateException("Replication group '" + request.replicationGroupId() + "' in "
                    + request.aws().where() + " is not available for a test "
                    + "failover: " + said(e) + ". It may be modifying, taking a snapshot or failing over already. "
                    + "No failover happened: wait until its Status is available (" + describeGroup(request)
                    + "), then try again.");
        } catch (AwsServiceException e) {
            if (e.isThrottlingException()) {
                throw rateLimited(request, e);
            }
            throw new IllegalStateException("ElastiCache refused the " + request.what() + ": " + said(e)
                    + (e.statusCode() == 403 ? ". The caller needs the IAM permission elasticache:TestFailover on the "
                            + "group." : "."));
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw new IllegalStateException("No answer from ElastiCache within " + apiCallTimeout.toSeconds()
                    + " s to the " + request.what() + ". Not retried: the failover may or may not have begun; see the "
                    + "group's events (" + describeEvents(request) + ").");
        } catch (SdkClientException e) {
            throw request.aws().unreachable(e);
        }
    }

    private static IllegalStateException rateLimited(Request request, AwsServiceException e) {
        return new IllegalStateException("ElastiCache refused the " + request.what() + ": the account's ElastiCache "
                + "API rate limit was exceeded (" + said(e) + "). Not retried, so that the drill happens at its second "
                + "or not at all: no failover happened; try again later, when fewer ElastiCache API calls run in this "
                + "account and region.");
    }

    /** ElastiCache's own code and sentence (never a credential: the SDK's message holds neither key nor secret). */
    private static String said(AwsServiceException e) {
        return e.awsErrorDetails() == null ? String.valueOf(e.getMessage())
                : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }

    private static String describeGroup(Request request) {
        return "aws elasticache describe-replication-groups --replication-group-id " + request.replicationGroupId()
                + " --region " + request.region().id();
    }

    private static String describeEvents(Request request) {
        return "aws elasticache describe-events --source-type replication-group --source-identifier "
                + request.replicationGroupId() + " --duration 60 --region " + request.region().id();
    }
}
