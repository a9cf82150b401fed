package dev.queuebench.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.bundled.BundledText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.queuebench.rundir.JsonFiles;

/**
 * The node types the planner chooses from: an editable JSON file ({@code --catalog FILE}), by
 * default the one in the jar ({@code catalog/elasticache-nodes.json}, printed by
 * {@code plan --print-catalog}). Format: {@code {"engine_max_connections", "reserved_memory_pct",
 * "price_columns": {"redis"|"valkey"|"team" (when a node has a team_price): {"source","region","date"}},
 * "nodes": [{"type","vcpu","memory_gib","network_baseline_gbps","network_burst_gbps",
 * "burstable_cpu_baseline_pct" (t3 only),"relative_core_speed",
 * "prices": {"redis"|"valkey": {"usd_per_hour","verified"}},"team_price" (optional text),
 * "capacity_plan_projection": {…},"source","date"}]}}. Every price column says where its prices
 * come from, for which region and when; every node has a price in every engine column; every node
 * says where its hardware figures come from and when.
 */
public record NodeCatalog(List<NodeType> nodes, Map<String, PriceColumn> priceColumns, int engineMaxConnections,
        double reservedMemoryPct, String origin) {
    public static final String RESOURCE = "catalog/elasticache-nodes.json";
    private static final String[] REQUIRED = {"type", "vcpu", "memory_gib", "network_baseline_gbps", "prices",
        "source", "date"};
    private static final String[] COLUMN_REQUIRED = {"source", "region", "date"};

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
        Map<String, PriceColumn> columns = priceColumns(root, origin);
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
                    node.path("relative_core_speed").asDouble(1.0), prices(origin, index, node),
                    node.path("team_price").asText(""), Collections.unmodifiableMap(projection),
                    node.path("source").asText(), node.path("date").asText()));
            index++;
        }
        return new NodeCatalog(List.copyOf(nodes), columns, root.path("engine_max_connections").asInt(65_000),
                root.path("reserved_memory_pct").asDouble(25), origin);
    }

    /** Every engine's column; the team's column when a node gives a team price (or it is there anyway). */
    private static Map<String, PriceColumn> priceColumns(JsonNode root, String origin) {
        JsonNode declared = root.path("price_columns");
        boolean teamPrices = false;
        for (JsonNode node : root.path("nodes")) {
            teamPrices |= node.hasNonNull("team_price");
        }
        List<String> keys = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            keys.add(engine.key());
        }
        if (teamPrices || declared.has(PriceColumn.TEAM)) {
            keys.add(PriceColumn.TEAM);
        }
        Map<String, PriceColumn> columns = new LinkedHashMap<>();
        for (String key : keys) {
            JsonNode column = declared.path(key);
            for (String field : COLUMN_REQUIRED) {
                if (!column.hasNonNull(field) || column.path(field).asText().isBlank()) {
                    throw new CatalogException(origin + ": price_columns." + key + " lacks \"" + field
                            + "\": every price column names its source, region and date");
                }
            }
            columns.put(key, new PriceColumn(key, column.path("source").asText(), column.path("region").asText(),
                    column.path("date").asText()));
        }
        return Collections.unmodifiableMap(columns);
    }

    private static Map<Engine, NodePrice> prices(String origin, int index, JsonNode node) {
        Map<Engine, NodePrice> prices = new EnumMap<>(Engine.class);
        for (Engine engine : Engine.values()) {
            JsonNode price = node.path("prices").path(engine.key());
            String where = origin + ": nodes[" + index + "] (" + node.path("type").asText() + ") prices."
                    + engine.key();
            if (!price.hasNonNull("usd_per_hour")) {
                throw new CatalogException(where + " lacks \"usd_per_hour\": every node needs a price in every "
                        + "engine column");
            }
            double usdPerHour = price.path("usd_per_hour").asDouble(Double.NaN);
            if (!(usdPerHour > 0)) {
                throw new CatalogException(where + ".usd_per_hour = " + price.path("usd_per_hour")
                        + "; it must be a number above 0");
            }
            if (!price.path("verified").isBoolean()) {
                throw new CatalogException(where + " lacks \"verified\" (true or false): say whether the price "
                        + "was checked against the column's source");
            }
            prices.put(engine, new NodePrice(usdPerHour, price.path("verified").asBoolean()));
        }
        return Collections.unmodifiableMap(prices);
    }

    public PriceColumn column(Engine engine) {
        return priceColumns.get(engine.key());
    }

    /** The team's own figures' column, absent when no node has a team price. */
    public Optional<PriceColumn> teamColumn() {
        return Optional.ofNullable(priceColumns.get(PriceColumn.TEAM));
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
