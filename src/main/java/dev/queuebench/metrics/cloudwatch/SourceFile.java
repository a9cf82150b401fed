package dev.queuebench.metrics.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;
import dev.queuebench.rundir.CloudWatchRow;
import dev.queuebench.rundir.CloudWatchCsv;

/**
 * {@code cloudwatch/source.json}: where the data in {@code cloudwatch/metrics.csv} came from, one entry
 * per import or fetch, never credentials:
 * <pre>
 * {"replication_group": "qb-prod",
 *  "sources": [{"kind": "fetch", "replication_group": "qb-prod", "region": "eu-west-1", "endpoint_url": null,
 *               "from_epoch_sec": …, "to_epoch_sec": …, "nodes": ["qb-prod-001", …], "rows": 1234,
 *               "recorded_at_epoch_sec": …},
 *              {"kind": "import", "files": ["cpu.json"], "nodes": [...], "from_epoch_sec", "to_epoch_sec", "rows", …}]}
 * </pre>
 * The top-level {@code replication_group} is the first one named; data for another group is refused.
 */
public final class SourceFile {
    public static final String FILE_NAME = "source.json";

    private SourceFile() {
    }

    /** The replication group the run's CloudWatch data belongs to, when one was named before. */
    public static Optional<String> replicationGroup(Path runDir) {
        Path file = file(runDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode group = JsonFiles.read(file).path("replication_group");
        return group.isTextual() ? Optional.of(group.asText()) : Optional.empty();
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

    /** Appends one entry; sets the top-level replication group when there is none yet. */
    public static void append(Path runDir, ObjectNode entry, Collection<CloudWatchRow> rows) throws IOException {
        Path file = file(runDir);
        Files.createDirectories(file.getParent());
        ObjectNode root = Files.exists(file) ? (ObjectNode) JsonFiles.read(file) : JsonFiles.JSON.createObjectNode();
        if (!root.path("replication_group").isTextual() && entry.path("replication_group").isTextual()) {
            root.put("replication_group", entry.get("replication_group").asText());
        }
        TreeSet<String> nodes = new TreeSet<>();
        rows.forEach(row -> nodes.add(row.node()));
        ArrayNode nodeList = entry.putArray("nodes");
        nodes.forEach(nodeList::add);
        rows.stream().mapToLong(CloudWatchRow::epochSec).min().ifPresent(from -> entry.put("data_from_epoch_sec", from));
        rows.stream().mapToLong(row -> row.epochSec() + row.periodSec()).max()
                .ifPresent(to -> entry.put("data_to_epoch_sec", to));
        entry.put("rows", rows.size());
        entry.put("recorded_at_epoch_sec", System.currentTimeMillis() / 1000);
        ArrayNode sources = root.has("sources") ? (ArrayNode) root.get("sources") : root.putArray("sources");
        sources.add(entry);
        JsonFiles.writeAtomically(file, root);
    }

    private static Path file(Path runDir) {
        return CloudWatchCsv.directory(runDir).resolve(FILE_NAME);
    }
}
