package dev.queuebench.metrics.cloudwatch;

import dev.queuebench.rundir.BadInputException;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroupNotFoundException;

/** Which nodes belong to a replication group: as ElastiCache lists them, and by its naming of a group's nodes. */
public final class ReplicationGroupMembers {
    private ReplicationGroupMembers() {
    }

    /**
     * The group's member clusters (its nodes' CacheClusterIds), from DescribeReplicationGroups.
     *
     * @throws BadInputException when there is no such group in the region, or it has no members
     */
    static List<String> memberClusters(ElastiCacheClient elastiCache, String replicationGroup, AwsAccess aws) {
        try {
            List<ReplicationGroup> groups = elastiCache.describeReplicationGroups(
                    describe -> describe.replicationGroupId(replicationGroup)).replicationGroups();
            if (groups.isEmpty() || groups.get(0).memberClusters().isEmpty()) {
                throw new BadInputException("Replication group '" + replicationGroup + "' in " + aws.where()
                        + " has no member clusters");
            }
            return groups.get(0).memberClusters();
        } catch (ReplicationGroupNotFoundException e) {
            throw notFound(replicationGroup, aws);
        }
    }

    /** ElastiCache's ReplicationGroupNotFoundFault, said so that the user knows what to check. */
    static BadInputException notFound(String replicationGroup, AwsAccess aws) {
        return new BadInputException("Replication group '" + replicationGroup + "' not found in " + aws.where()
                + ": check --replication-group and --region (the groups there: "
                + "aws elasticache describe-replication-groups --region " + aws.region().id() + ")");
    }

    /**
     * Refuses nodes of another replication group: ElastiCache names a group's nodes
     * {@code <group>-NNN} (cluster mode disabled) or {@code <group>-NNNN-NNN} (enabled).
     */
    public static void checkNodesBelong(String replicationGroup, Collection<String> nodes, String where) {
        for (String node : nodes) {
            if (!node.matches(java.util.regex.Pattern.quote(replicationGroup) + "-\\d{3,4}(-\\d{3})?")) {
                throw new BadInputException(where + ": node '" + node + "' is not a member of replication group '"
                        + replicationGroup + "' (members are named " + replicationGroup + "-001, …): data for "
                        + "another replication group does not belong in this run");
            }
        }
    }
}
