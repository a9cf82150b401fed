package dev.queuebench.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.bundled.BundledText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.queuebench.rundir.JsonFiles;

/**
 * The node types the planner chooses from: an editable JSON file ({@code --catalog FILE}), by
 * default the one in the jar ({@code catalog/elasticache-nodes.json}, printed by
 * {@code plan --print-catalog}). Format: {@code {"engine_max_connections", "reserved_memory_pct",
 * "nodes": [{"type","vcpu","memory_gib","network_baseline_gbps","network_burst_gbps",
 * "burstable_cpu_baseline_pct" (t3 only),"relative_core_speed","on_demand_usd_per_hour",
 * "reserved_1yr_usd_per_month","capacity_plan_projection": {…},"source","date"}]}}. Every node
 * must say where its numbers come from and when.
 */
public record NodeCatalog(List<NodeType> nodes, int engineMaxConnections, double reservedMemoryPct, String origin) {
    public static final String RESOURCE = "catalog/elasticache-nodes.json";
    private static final String[] REQUIRED = {"type", "vcpu", "memory_gib", "network_baseline_gbps",
        "on_demand_usd_per_hour", "source", "date"};

    public static NodeCatalog bundled() {
        return parse(bundledText(), "the bundled catalog (" + RESOURCE + ")");
    }

    public static String bundledText() {
        return BundledText.read(RESOURCE);
    }

    public static NodeCatalog read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new CatalogException("cannot read the catalog " + file + ": " + e.getMessage());
        }
    }

    static NodeCatalog parse(String text, String origin) {
        JsonNode root;
        try {
            root = JsonFiles.JSON.readTree(text);
        } catch (IOException e) {
            throw new CatalogException(origin + " is not valid JSON: " + e.getMessage()
                    + " (start from: java -jar target/queuebench.jar plan --print-catalog)");
        }
        if (root == null || !root.path("nodes").isArray() || root.path("nodes").isEmpty()) {
            throw new CatalogException(origin + " has no \"nodes\" array");
        }
        List<NodeType> nodes = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.path("nodes")) {
            for (String field : REQUIRED) {
                if (!node.hasNonNull(field)) {
                    throw new CatalogException(origin + ": nodes[" + index + "] ("
                            + node.path("type").asText("no type") + ") lacks \"" + field + "\"");
                }
            }
            double memory = positive(origin, index, node, "memory_gib");
            int vcpu = (int) positive(origin, index, node, "vcpu");
            Map<String, String> projection = new LinkedHashMap<>();
            node.path("capacity_plan_projection").fields()
                    .forEachRemaining(entry -> projection.put(entry.getKey(), entry.getValue().asText()));
            nodes.add(new NodeType(node.path("type").asText(), vcpu, memory,
                    positive(origin, index, node, "network_baseline_gbps"),
                    node.path("network_burst_gbps").asDouble(Double.NaN),
                    node.has("burstable_cpu_baseline_pct") ? node.path("burstable_cpu_baseline_pct").asDouble()
                            : Double.NaN,
                    node.path("relative_core_speed").asDouble(1.0),
                    positive(origin, index, node, "on_demand_usd_per_hour"),
                    node.path("reserved_1yr_usd_per_month").asDouble(Double.NaN), java.util.Collections.unmodifiableMap(projection),
                    node.path("source").asText(), node.path("date").asText()));
            index++;
        }
        return new NodeCatalog(List.copyOf(nodes), root.path("engine_max_connections").asInt(65_000),
                root.path("reserved_memory_pct").asDouble(25), origin);
    }

    private static double positive(String origin, int index, JsonNode node, String field) {
        double value = node.path(field).asDouble(Double.NaN);
        if (!(value > 0)) {
            throw new CatalogException(origin + ": nodes[" + index + "] (" + node.path("type").asText() + ") has "
                    + field + " = " + node.path(field) + "; it must be a number above 0");
        }
        return value;
    }

    public Optional<NodeType> find(String type) {
        return nodes.stream().filter(node -> node.type().equals(type)).findFirst();
    }
}
