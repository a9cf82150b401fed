package dev.queuebench.metrics.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.record.RunManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import dev.queuebench.rundir.CloudWatchRow;

/**
 * Says when CloudWatch data brought into a run directory does not overlap the run itself (its
 * {@code run.json} start and end): most likely the wrong time range or time zone. A note, not an
 * error: a directory made only for CloudWatch data has no run.json.
 */
public final class RunOverlap {
    private RunOverlap() {
    }

    public static Optional<String> warning(Path runDir, List<CloudWatchRow> rows) {
        Path manifest = runDir.resolve(RunManifest.FILE);
        if (rows.isEmpty() || !Files.exists(manifest)) {
            return Optional.empty();
        }
        JsonNode run = JsonFiles.read(manifest);
        if (!run.path("start_ms").isNumber() || !run.path("end_ms").isNumber()) {
            return Optional.empty();
        }
        long runStartSec = run.get("start_ms").asLong() / 1000;
        long runEndSec = run.get("end_ms").asLong() / 1000;
        long dataStartSec = rows.stream().mapToLong(CloudWatchRow::epochSec).min().orElseThrow();
        long dataEndSec = rows.stream().mapToLong(row -> row.epochSec() + row.periodSec()).max().orElseThrow();
        if (dataEndSec > runStartSec && dataStartSec < runEndSec) {
            return Optional.empty();
        }
        return Optional.of("Note: the CloudWatch data (" + Instant.ofEpochSecond(dataStartSec) + " to "
                + Instant.ofEpochSecond(dataEndSec) + ") does not overlap the run (" + Instant.ofEpochSecond(runStartSec)
                + " to " + Instant.ofEpochSecond(runEndSec) + "): check the time range and its zone");
    }
}
