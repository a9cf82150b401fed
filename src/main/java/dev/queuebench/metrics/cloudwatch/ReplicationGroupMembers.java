package dev.queuebench.metrics.cloudwatch;

import dev.queuebench.rundir.BadInputException;
import java.util.Collection;

/** Which nodes belong to a replication group, by ElastiCache's naming of a group's nodes. */
public final class ReplicationGroupMembers {
    private ReplicationGroupMembers() {
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
