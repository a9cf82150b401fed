package dev.queuebench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.redis.PoolProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Group cost, engine price columns and "cheapest" on a three-node catalog whose prices are fixed. */
class ReplicationGroupCostTest {
    /**
     * cache.c.small is the cheapest node and too small; a.large and b.large fit. The engines order
     * a.large and b.large differently, so the engine decides which is cheapest.
     */
    static final String FIXTURE = """
            {"price_columns": {
              "redis": {"source": "fixture list, Redis OSS", "region": "us-east-1", "date": "2026-01"},
              "valkey": {"source": "fixture list, Valkey", "region": "us-east-1", "date": "2026-01"},
              "team": {"source": "fixture team plan", "region": "not stated", "date": "2026-11-25"}},
             "nodes": [
              {"type": "cache.a.large", "vcpu": 2, "memory_gib": 8, "network_baseline_gbps": 1,
               "prices": {"redis": {"usd_per_hour": 0.10, "verified": true},
                          "valkey": {"usd_per_hour": 0.09, "verified": false}},
               "team_price": "~$0.05/h", "source": "fixture", "date": "2026-01-01"},
              {"type": "cache.b.large", "vcpu": 2, "memory_gib": 16, "network_baseline_gbps": 1,
               "prices": {"redis": {"usd_per_hour": 0.20, "verified": false},
                          "valkey": {"usd_per_hour": 0.08, "verified": false}},
               "source": "fixture", "date": "2026-01-01"},
              {"type": "cache.c.small", "vcpu": 2, "memory_gib": 0.5, "network_baseline_gbps": 1,
               "prices": {"redis": {"usd_per_hour": 0.05, "verified": true},
                          "valkey": {"usd_per_hour": 0.04, "verified": true}},
               "source": "fixture", "date": "2026-01-01"}]}""";
    static final NodeCatalog CATALOG = NodeCatalog.parse(FIXTURE, "fixture.json");

    /** 20 µs of main thread per request plus 10 ms/s, 1,000 B per joined user, a fifth of requests join. */
    static PlanBasis basis() {
        return new PlanBasis(List.of("fixture"), "embedded", 1_000, 1_000, Map.of("join", 0.2, "status", 0.8), 20,
                10_000, Map.of(), Double.NaN, Double.NaN, 6, 500, 1_000, 1_000_000, 2, 3, 50_000_000, Map.of(),
                List.of());
    }

    static PlanRequest request(Engine engine, int replicas) {
        return new PlanRequest(1_000, 0.3, 16, PoolProfile.parse("recommended"), 1_800, engine, replicas, 300);
    }

    @Test
    void aGroupOfAPrimaryAndOneReplicaCostsTwoNodes() {
        CapacityPlan plan = CapacityPlanner.plan(request(Engine.REDIS, 1), basis(), CATALOG);

        NodeAssessment best = plan.recommended();
        assertEquals("cache.a.large", best.node().type());
        assertEquals(0.10, best.nodePrice().usdPerHour(), 1e-12);
        assertEquals(0.20, best.groupUsdPerHour(), 1e-12);
        assertEquals(146.0, best.groupUsdPerMonth(), 1e-9);
    }

    @Test
    void eachReplicaAddsOneNodeToTheGroupCost() {
        assertEquals(0.10, CapacityPlanner.plan(request(Engine.REDIS, 0), basis(), CATALOG).recommended()
                .groupUsdPerHour(), 1e-12);
        assertEquals(0.30, CapacityPlanner.plan(request(Engine.REDIS, 2), basis(), CATALOG).recommended()
                .groupUsdPerHour(), 1e-12);
        assertEquals(0.60, CapacityPlanner.plan(request(Engine.REDIS, 5), basis(), CATALOG).recommended()
                .groupUsdPerHour(), 1e-12);
    }

    @Test
    void theCheapestGroupThatFitsIsChosenAndTheCheaperOneThatDoesNotIsListedFirst() {
        CapacityPlan plan = CapacityPlanner.plan(request(Engine.REDIS, 1), basis(), CATALOG);

        assertEquals(List.of("cache.c.small", "cache.a.large", "cache.b.large"),
                plan.candidates().stream().map(a -> a.node().type()).toList());
        assertEquals(List.of(0.10, 0.20, 0.40), plan.candidates().stream().map(NodeAssessment::groupUsdPerHour)
                .map(usd -> Math.round(usd * 1e6) / 1e6).toList());
        // 1,000 req/s × 20% joins × 1,800 s = 360,000 users × 1,000 B + 1 MB against 0.5 GiB less 25%.
        assertFalse(plan.candidates().get(0).fits());
        assertEquals("cache.a.large", plan.recommended().node().type());
    }

    @Test
    void valkeyTakesItsOwnPriceColumnAndCanChooseAnotherNode() {
        CapacityPlan plan = CapacityPlanner.plan(request(Engine.VALKEY, 1), basis(), CATALOG);

        assertEquals("cache.b.large", plan.recommended().node().type());
        assertEquals(0.08, plan.recommended().nodePrice().usdPerHour(), 1e-12);
        assertEquals(0.16, plan.recommended().groupUsdPerHour(), 1e-12);
        assertEquals("fixture list, Valkey", plan.priceColumn().source());
        assertEquals("fixture team plan", plan.teamColumn().orElseThrow().source());
    }

    @Test
    void theRecommendationNamesNodeAndGroupCostAndThePriceSource() {
        String verified = PlanReport.render(CapacityPlanner.plan(request(Engine.REDIS, 1), basis(), CATALOG));
        assertTrue(verified.contains("; $0.1000/h per node, 2 nodes (primary + 1 replica): $0.2000/h, about "
                + "$146/month on demand (ElastiCache for Redis OSS, us-east-1, 2026-01).\n"), verified);
        assertTrue(verified.contains("| 0.1000 | 0.2000 | ~$0.05/h | yes |"), verified);
        assertTrue(verified.contains("| 0.2000* | 0.4000 | – | yes |"), verified);
        assertTrue(verified.contains("| $/h (ElastiCache for Redis OSS) | fixture list, Redis OSS | us-east-1 | 2026-01 |"));
        assertTrue(verified.contains("| the team's price | fixture team plan | not stated | 2026-11-25 |"));

        String estimate = PlanReport.render(CapacityPlanner.plan(request(Engine.VALKEY, 2), basis(), CATALOG));
        assertTrue(estimate.contains("; $0.0800/h per node, 3 nodes (primary + 2 replicas): $0.2400/h, about "
                + "$175/month on demand (ElastiCache for Valkey, us-east-1, 2026-01); an estimate to verify before "
                + "buying.\n"), estimate);
    }

    @Test
    void replicasOutsideElastiCachesLimitAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> request(Engine.REDIS, 6));
        assertEquals("--replicas must be between 0 and 5 (ElastiCache's limit per shard), was 6", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> request(Engine.REDIS, -1));
    }

    @Test
    void anUnknownEngineNamesTheValidOnes() {
        assertEquals(Engine.VALKEY, Engine.parse("Valkey"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Engine.parse("memcached"));
        assertEquals("--engine must be one of redis, valkey, was 'memcached'", error.getMessage());
    }
}
