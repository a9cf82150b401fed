package dev.queuebench.plan;

import dev.queuebench.report.RunReport;
import dev.queuebench.rundir.GoldenRunDirs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.analysis.GoldenRuns;
import dev.queuebench.redis.PoolProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityPlannerTest {
    private static final NodeCatalog CATALOG = NodeCatalog.bundled();

    @TempDir
    Path temp;

    /** 20 µs of main thread per request plus 10 ms/s background, 1,000 B per user, measured on this machine. */
    private static PlanBasis basis() {
        return new PlanBasis(List.of("golden"), "embedded", 10_000, 10_000, Map.of("join", 0.2, "status", 0.8), 20,
                10_000, Map.of(), Double.NaN, Double.NaN, 6, 500, 1_000, 1_000_000, 2, 21, 50_000_000,
                Map.of("CPUUtilization", 70.0), List.of());
    }

    private static PlanRequest request(int residenceSec) {
        return new PlanRequest(30_000, 0.3, 16, PoolProfile.parse("recommended"), residenceSec, Engine.REDIS, 1, 300);
    }

    @Test
    void memoryOfThirtyMinutesOfWaitingUsersRulesOutTheLargeNodes() {
        CapacityPlan plan = CapacityPlanner.plan(request(1_800), basis(), CATALOG);

        // 30,000 req/s × 20% joins × 1,800 s = 10.8 M users resident.
        assertEquals(10_800_000, plan.residentUsers(), 1e-6);
        assertEquals(3_200, plan.connections());
        assertEquals(180_000, plan.opsPerSec(), 1e-9);
        NodeAssessment r7gLarge = find(plan, "cache.r7g.large");
        // (1e6 + 1,000 × 10.8e6) B against 13.07 GiB less 25% reserved.
        double usable = 13.07 * 1024 * 1024 * 1024 * 0.75;
        assertEquals(100 * (1e6 + 1e3 * 10.8e6) / usable, r7gLarge.memoryPct(), 1e-9);
        assertFalse(r7gLarge.fits());
        // 610,000 µs/s of main thread on a core 1.25 times as fast as the measured one.
        assertEquals(61.0 / 1.25, r7gLarge.engineCpuPct(), 1e-9);
        assertEquals("cache.r7g.xlarge", plan.recommended().node().type());
        assertEquals("EngineCPUUtilization", plan.recommended().awsCpuMetric());
        // The team's linear method: 21% at 10k × 3, on the faster core.
        assertEquals(63.0 / 1.25, plan.recommended().linearEngineCpuPct(), 1e-9);
    }

    @Test
    void shortResidenceMakesCpuDecideAndT3CreditsRuleOutTheMicro() {
        CapacityPlan plan = CapacityPlanner.plan(request(60), basis(), CATALOG);

        NodeAssessment micro = find(plan, "cache.t3.micro");
        assertEquals(61.0, micro.engineCpuPct(), 1e-9);
        assertEquals(30.5, micro.hostCpuPct(), 1e-9);
        assertEquals(45.0, micro.awsCpuThresholdPct(), 1e-9);
        assertTrue(micro.limits().stream().anyMatch(limit -> limit.contains("credit baseline")), micro.limits().toString());
        // On one price list m6g.large ($0.149/h) is cheaper than m7g.large ($0.158/h), and its 61% fits.
        assertEquals("cache.m6g.large", plan.recommended().node().type());
        assertTrue(plan.warnings().stream().anyMatch(w -> w.startsWith("Your CPUUtilization alarm at 70% is looser "
                + "than AWS's guidance for a 2-vCPU node (45%")), plan.warnings().toString());
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("not a catalog node type")));
    }

    @Test
    void farExtrapolationAndMissingCpuSamplesAreSaid() {
        PlanBasis small = new PlanBasis(List.of("smoke"), "cache.r7g.large", 50, 50, Map.of("join", 0.3), 20, 0,
                Map.of(), Double.NaN, Double.NaN, 5, 400, Double.NaN, Double.NaN, 0, 1, Double.NaN, Map.of(), List.of());
        CapacityPlan plan = CapacityPlanner.plan(request(60), small, CATALOG);
        assertTrue(plan.warnings().stream().anyMatch(w -> w.startsWith("The target is 600 times the highest load")));
        assertTrue(plan.warnings().stream().anyMatch(w -> w.startsWith("No memory samples")));

        PlanBasis noCpu = new PlanBasis(List.of("x"), "embedded", 50, 50, Map.of(), Double.NaN, Double.NaN, Map.of(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Map.of(), List.of());
        PlanException error = assertThrows(PlanException.class, () -> CapacityPlanner.plan(request(60), noCpu, CATALOG));
        assertTrue(error.getMessage().contains("no server CPU samples"));
    }

    @Test
    void theBasisComesFromTheRunsMeasuredCosts() throws IOException {
        Path run = GoldenRunDirs.copy(temp, GoldenRunDirs.KEYS_STORM);
        RunReport.write(run);
        PlanBasis basis = PlanBasisReader.read(List.of(run));

        assertEquals("cache.r7g.large", basis.measuredNodeType());
        assertEquals(50.0, basis.engineMicrosByKind().get("join"), 1e-6);
        assertEquals(20.0, basis.engineMicrosByKind().get("status"), 1e-6);
        assertEquals(80.0, basis.engineMicrosByKind().get("enter"), 1e-6);
        assertEquals(1_000.0, basis.engineBackgroundMicrosPerSec(), 1e-6);
        assertEquals(900.0, basis.bytesPerUser(), 1e-6);
        double joins = 0;
        double all = 0;
        for (int second = 5; second < 35; second++) {
            joins += GoldenRuns.joins(second);
            all += GoldenRuns.joins(second) + GoldenRuns.statuses(second) + GoldenRuns.enters(second);
        }
        assertEquals(joins / all, basis.mix().get("join"), 1e-12);
        assertTrue(basis.warnings().stream().anyMatch(w -> w.startsWith("maxmemory-policy is allkeys-lru")));
        assertTrue(basis.warnings().stream().anyMatch(w -> w.startsWith("Redis evicted 3 keys")));
    }

    @Test
    void aBrokenCatalogNamesTheNodeAndTheField() {
        String zeroMemory = ReplicationGroupCostTest.FIXTURE.replace("\"memory_gib\": 8,", "\"memory_gib\": 0,");
        CatalogException error = assertThrows(CatalogException.class, () -> NodeCatalog.parse(zeroMemory, "nodes.json"));
        assertEquals("nodes.json: nodes[0] (cache.a.large) has memory_gib = 0; it must be a number above 0",
                error.getMessage());
        String noMemory = ReplicationGroupCostTest.FIXTURE.replace("\"memory_gib\": 16,", "");
        CatalogException missing = assertThrows(CatalogException.class, () -> NodeCatalog.parse(noMemory, "nodes.json"));
        assertEquals("nodes.json: nodes[1] (cache.b.large) lacks \"memory_gib\"", missing.getMessage());
    }

    private static NodeAssessment find(CapacityPlan plan, String type) {
        return plan.candidates().stream().filter(a -> a.node().type().equals(type)).findFirst().orElseThrow();
    }
}
