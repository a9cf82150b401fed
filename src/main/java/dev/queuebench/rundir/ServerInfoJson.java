package dev.queuebench.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code server-info.json}: what the sampler watched and the settings of each node that the capacity
 * planner needs. The sampler writes it when it starts and rewrites it (atomically) whenever a node's
 * entry changes (a failover, a resize) and once more when it stops, with its own cost.
 *
 * <pre>
 * {"sampler": {"interval_ms": 1000, "nodes": {"primary": "redis://host:6379/0", "reader": "…"},
 *              "info_cpu_micros_per_sec": {"primary": 41.2}},
 *  "nodes": {"primary": {"redis_version": "7.0.15", "role": "master", "maxmemory_bytes": 0,
 *                        "maxmemory_policy": "noeviction", "total_system_memory_bytes": 8589934592,
 *                        "used_memory_startup_bytes": 862072, "io_threads": null, "io_threads_active": 0,
 *                        "node_memory_bytes_used_for_percentage": 8589934592,
 *                        "memory_percentage_basis": "total_system_memory"}}}
 * </pre>
 * Endpoints are redacted (no password). {@code io_threads} is the count of {@code io_thread_N} lines in
 * INFO (Redis 8+), null where INFO does not say (CONFIG, which would, is not allowed on ElastiCache).
 * {@code info_cpu_micros_per_sec} is the sampler's own cost: the CPU microseconds per second that Redis
 * spent answering its INFO calls ({@code cmdstat_info}), measured between the first and last sample.
 * The content stays a JSON tree: the reporter copies it into {@code summary.json} as it is.
 */
public final class ServerInfoJson {
    private ServerInfoJson() {
    }

    /** Writes the file into {@code dir} (a run directory, or the sampler's own). */
    public static void write(Path dir, JsonNode content) throws IOException {
        JsonFiles.writeAtomically(dir.resolve(RunFiles.SERVER_INFO), content);
    }

    /** The run's server-info.json, or an empty object when the run was not sampled. */
    public static JsonNode read(RunFiles run) {
        if (!run.has(RunFiles.SERVER_INFO)) {
            return JsonFiles.JSON.createObjectNode();
        }
        return JsonFiles.read(run.file(RunFiles.SERVER_INFO));
    }
}
