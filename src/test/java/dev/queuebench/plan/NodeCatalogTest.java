package dev.queuebench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled catalog keeps one source per price column, and a catalog that does not is refused. */
class NodeCatalogTest {
    private static final NodeCatalog BUNDLED = NodeCatalog.bundled();

    @Test
    void everyPriceColumnOfTheBundledCatalogNamesItsSourceRegionAndDate() {
        assertEquals(List.of("redis", "valkey", "team"), List.copyOf(BUNDLED.priceColumns().keySet()));
        for (PriceColumn column : BUNDLED.priceColumns().values()) {
            assertFalse(column.source().isBlank(), column.key());
            assertFalse(column.date().isBlank(), column.key());
        }
        assertEquals("us-east-1", BUNDLED.column(Engine.REDIS).region());
        assertEquals("us-east-1", BUNDLED.column(Engine.VALKEY).region());
        assertEquals("2025-06", BUNDLED.column(Engine.REDIS).date());
        assertEquals("not stated", BUNDLED.priceColumns().get(PriceColumn.TEAM).region());
    }

    @Test
    void noBundledPriceIsPresentedAsVerifiedBecauseNoneWasFetched() {
        for (NodeType node : BUNDLED.nodes()) {
            for (Engine engine : Engine.values()) {
                assertFalse(node.price(engine).verified(), node.type() + " " + engine.key());
            }
        }
    }

    @Test
    void valkeyIsTwentyPercentBelowRedisOssOnEveryNode() {
        for (NodeType node : BUNDLED.nodes()) {
            assertEquals(0.8 * node.price(Engine.REDIS).usdPerHour(), node.price(Engine.VALKEY).usdPerHour(), 1e-9,
                    node.type());
        }
    }

    @Test
    void theTeamsFiguresStandBesideTheListPricesNotInThem() {
        Map<String, String> team = new LinkedHashMap<>();
        BUNDLED.nodes().stream().filter(node -> !node.teamPrice().isEmpty())
                .forEach(node -> team.put(node.type(), node.teamPrice()));
        assertEquals(Map.of("cache.t3.micro", "~$9/month, ~$6 reserved",
                "cache.m7g.large", "~$0.126/h, ~$92/month, ~$60 reserved",
                "cache.r7g.large", "~$0.158/h, ~$115/month, ~$75 reserved",
                "cache.r7g.xlarge", "~$0.316/h, ~$230/month, ~$150 reserved"), team);
        assertNotEquals(0.158, BUNDLED.find("cache.r7g.large").orElseThrow().price(Engine.REDIS).usdPerHour());
        // On one price list the 6g types are cheaper than the 7g types of the same size.
        assertEquals(0.149, BUNDLED.find("cache.m6g.large").orElseThrow().price(Engine.REDIS).usdPerHour());
        assertEquals(0.158, BUNDLED.find("cache.m7g.large").orElseThrow().price(Engine.REDIS).usdPerHour());
        assertEquals(0.206, BUNDLED.find("cache.r6g.large").orElseThrow().price(Engine.REDIS).usdPerHour());
        assertEquals(0.219, BUNDLED.find("cache.r7g.large").orElseThrow().price(Engine.REDIS).usdPerHour());
    }

    @Test
    void aPriceColumnWithoutItsRegionIsRefused() {
        String noRegion = ReplicationGroupCostTest.FIXTURE.replace(
                "\"fixture list, Redis OSS\", \"region\": \"us-east-1\",", "\"fixture list, Redis OSS\",");
        CatalogException error = assertThrows(CatalogException.class, () -> NodeCatalog.parse(noRegion, "nodes.json"));
        assertEquals("nodes.json: price_columns.redis lacks \"region\": every price column names its source, region "
                + "and date", error.getMessage());
    }

    @Test
    void aTeamPriceNeedsTheTeamColumnAndACatalogWithoutTeamPricesNeedsNone() {
        String noTeamColumn = ReplicationGroupCostTest.FIXTURE.replace(
                ",\n  \"team\": {\"source\": \"fixture team plan\", \"region\": \"not stated\", \"date\": \"2026-11-25\"}", "");
        CatalogException error = assertThrows(CatalogException.class,
                () -> NodeCatalog.parse(noTeamColumn, "nodes.json"));
        assertEquals("nodes.json: price_columns.team lacks \"source\": every price column names its source, region "
                + "and date", error.getMessage());

        NodeCatalog ownPricesOnly = NodeCatalog.parse(noTeamColumn.replace("\"team_price\": \"~$0.05/h\", ", ""),
                "nodes.json");
        assertEquals(List.of("redis", "valkey"), List.copyOf(ownPricesOnly.priceColumns().keySet()));
        assertTrue(ownPricesOnly.teamColumn().isEmpty());
    }

    @Test
    void aPriceThatDoesNotSayWhetherItWasVerifiedIsRefused() {
        String unmarked = ReplicationGroupCostTest.FIXTURE.replace(
                "{\"usd_per_hour\": 0.20, \"verified\": false}", "{\"usd_per_hour\": 0.20}");
        CatalogException error = assertThrows(CatalogException.class, () -> NodeCatalog.parse(unmarked, "nodes.json"));
        assertEquals("nodes.json: nodes[1] (cache.b.large) prices.redis lacks \"verified\" (true or false): say "
                + "whether the price was checked against the column's source", error.getMessage());
    }

    @Test
    void aNodeWithoutAValkeyPriceIsRefused() {
        String noValkey = ReplicationGroupCostTest.FIXTURE.replace(
                "\"valkey\": {\"usd_per_hour\": 0.08, \"verified\": false}", "\"valkey\": {}");
        CatalogException error = assertThrows(CatalogException.class, () -> NodeCatalog.parse(noValkey, "nodes.json"));
        assertEquals("nodes.json: nodes[1] (cache.b.large) prices.valkey lacks \"usd_per_hour\": every node needs a "
                + "price in every engine column", error.getMessage());
    }
}
