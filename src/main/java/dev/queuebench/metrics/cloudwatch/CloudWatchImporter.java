package dev.queuebench.metrics.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.queuebench.rundir.CloudWatchRow;
import dev.queuebench.rundir.CloudWatchCsv;
import dev.queuebench.rundir.CloudWatchSourceJson;

/**
 * {@code cloudwatch import}: reads AWS CLI JSON files (all of them first, so a bad file changes
 * nothing), checks they belong to the run's replication group, merges them into
 * {@code cloudwatch/metrics.csv} and records them in {@code cloudwatch/source.json}.
 */
public final class CloudWatchImporter {
    private CloudWatchImporter() {
    }

    /**
     * @param replicationGroup the group the files are from, or null: then the run's earlier one, if any, is checked
     * @return the rows imported
     */
    public static List<CloudWatchRow> importFiles(Path runDir, List<Path> files, CloudWatchJsonImport.Options options,
            String replicationGroup) throws IOException {
        List<CloudWatchRow> rows = new ArrayList<>();
        Optional<String> runGroup = CloudWatchSourceJson.replicationGroup(runDir);
        if (runGroup.isPresent() && replicationGroup != null && !runGroup.get().equals(replicationGroup)) {
            throw new BadInputException("--replication-group " + replicationGroup + " but this run's CloudWatch data "
                    + "is from " + runGroup.get() + " (" + runDir.resolve("cloudwatch/source.json") + ")");
        }
        String group = replicationGroup != null ? replicationGroup : runGroup.orElse(null);
        for (Path file : files) {
            List<CloudWatchRow> fromFile = CloudWatchJsonImport.read(file, options);
            if (group != null) {
                ReplicationGroupMembers.checkNodesBelong(group, fromFile.stream().map(CloudWatchRow::node).toList(), file.toString());
            }
            rows.addAll(fromFile);
        }
        CloudWatchCsv.merge(runDir, rows);
        ObjectNode entry = JsonFiles.JSON.createObjectNode();
        entry.put("kind", "import");
        if (group != null) {
            entry.put("replication_group", group);
        }
        ArrayNode names = entry.putArray("files");
        files.forEach(file -> names.add(file.getFileName().toString()));
        CloudWatchSourceJson.append(runDir, entry, rows);
        return rows;
    }
}
