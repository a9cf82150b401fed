package dev.queuebench.metrics.sampler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.ServerInfoJson;
import dev.queuebench.metrics.NodeRole;
import dev.queuebench.redis.InfoSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/** Builds {@code server-info.json} as the sampler learns each node (format: {@link ServerInfoJson}). */
public final class ServerInfoFile {
    private final Path dir;
    private final OptionalLong nodeMemoryBytes;
    private final ObjectNode root = JsonFiles.JSON.createObjectNode();

    public ServerInfoFile(Path dir, int intervalMillis, Map<NodeRole, String> redactedEndpoints,
            OptionalLong nodeMemoryBytes) throws IOException {
        this.dir = dir;
        this.nodeMemoryBytes = nodeMemoryBytes;
        ObjectNode sampler = root.putObject("sampler");
        sampler.put("interval_ms", intervalMillis);
        ObjectNode nodes = sampler.putObject("nodes");
        redactedEndpoints.forEach((role, endpoint) -> nodes.put(role.column(), endpoint));
        root.putObject("nodes");
        ServerInfoJson.write(dir, root);
    }

    /** Records a node's settings from its latest INFO; rewrites the file only when they changed. */
    public synchronized void update(NodeRole role, InfoSnapshot info) throws IOException {
        ObjectNode node = JsonFiles.JSON.createObjectNode();
        node.put("redis_version", info.text("redis_version").orElse(null));
        node.put("role", info.text("role").orElse(null));
        putLong(node, "maxmemory_bytes", info.longValue("maxmemory"));
        node.put("maxmemory_policy", info.text("maxmemory_policy").orElse(null));
        putLong(node, "total_system_memory_bytes", info.longValue("total_system_memory"));
        putLong(node, "used_memory_startup_bytes", info.longValue("used_memory_startup"));
        long ioThreads = info.fields().keySet().stream().filter(name -> name.matches("io_thread_\\d+")).count();
        if (ioThreads > 0) {
            node.put("io_threads", ioThreads);
        } else {
            node.putNull("io_threads");
        }
        putLong(node, "io_threads_active", info.longValue("io_threads_active"));
        MemoryBasis.of(info, nodeMemoryBytes).ifPresentOrElse(basis -> {
            node.put("node_memory_bytes_used_for_percentage", basis.bytes());
            node.put("memory_percentage_basis", basis.source());
        }, () -> {
            node.putNull("node_memory_bytes_used_for_percentage");
            node.putNull("memory_percentage_basis");
        });
        ObjectNode nodes = (ObjectNode) root.get("nodes");
        if (!node.equals(nodes.get(role.column()))) {
            nodes.set(role.column(), node);
            ServerInfoJson.write(dir, root);
        }
    }

    /** Records the sampler's measured cost on one node (CPU µs per second of its INFO calls). */
    public synchronized void recordCost(Map<NodeRole, Double> infoCpuMicrosPerSec) throws IOException {
        ObjectNode cost = ((ObjectNode) root.get("sampler")).putObject("info_cpu_micros_per_sec");
        infoCpuMicrosPerSec.forEach((role, micros) -> cost.put(role.column(), Math.round(micros * 10) / 10.0));
        ServerInfoJson.write(dir, root);
    }

    private static void putLong(ObjectNode node, String name, OptionalLong value) {
        if (value.isPresent()) {
            node.put(name, value.getAsLong());
        } else {
            node.putNull(name);
        }
    }
}
