package dev.queuebench.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

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
 * The top-level {@code replication_group} is the first one named; the importers refuse data for
 * another group. The one writer ({@link #append}) and reader of the file.
 */
public final class CloudWatchSourceJson {
    private CloudWatchSourceJson() {
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
        return runDir.resolve(RunFiles.CLOUDWATCH_SOURCE);
    }
}
