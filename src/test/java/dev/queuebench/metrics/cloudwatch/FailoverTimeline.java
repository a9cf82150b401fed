package dev.queuebench.metrics.cloudwatch;

import dev.queuebench.rundir.EventsCsv;
import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run the ElastiCache event fixtures (src/test/resources/elasticache/) belong to: 2026-11-25T10:15:00Z
 * to 10:45:00Z, a person's mark at 10:16, and a test failover of qb-prod at 10:20.
 */
final class FailoverTimeline {
    static final String RUN_JSON = "{\"id\": \"20261125T101500Z-drill\", \"start_ms\": 1795601700000, "
            + "\"end_ms\": 1795603500000}";
    static final String MARK = "1795601760000,person,mark,drill at 10:20";
    /** The failover as ElastiCache saw it, in time order: the group's events and qb-prod-001's. */
    static final List<String> FAILOVER_ROWS = List.of(
            "1795602000441,elasticache,test-failover,qb-prod: Test Failover API called for node group 0001",
            "1795602030950,elasticache,failover,qb-prod-001: Failover from primary node qb-prod-001 to replica node qb-prod-002 completed",
            "1795602031120,elasticache,failover,qb-prod: Failover from primary node qb-prod-001 to replica node qb-prod-002 completed",
            "1795602070000,elasticache,recovery,qb-prod-001: Recovering cache nodes 0001",
            "1795602295500,elasticache,recovered,qb-prod-001: Finished recovery for cache nodes 0001");

    private FailoverTimeline() {
    }

    /** Makes {@code dir} that run: its run.json, and an events.csv holding the mark. */
    static RunFiles run(Path dir) throws IOException {
        Files.writeString(dir.resolve(RunFiles.RUN_JSON), RUN_JSON);
        Files.writeString(dir.resolve(RunFiles.EVENTS_CSV), EventsCsv.HEADER + "\n" + MARK + "\n");
        return new RunFiles(dir);
    }

    /** events.csv as it should read: the header, the mark, then these rows. */
    static List<String> timeline(List<String> elastiCacheRows) {
        List<String> lines = new ArrayList<>(List.of(EventsCsv.HEADER, MARK));
        lines.addAll(elastiCacheRows);
        return lines;
    }
}
