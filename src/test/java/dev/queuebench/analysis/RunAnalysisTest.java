package dev.queuebench.analysis;

import dev.queuebench.rundir.GoldenRunDirs;
import dev.queuebench.rundir.Summary;
import dev.queuebench.rundir.WarningCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAnalysisTest {
    @TempDir
    Path temp;

    @Test
    void kneeIsTheLastHoldBeforeP99LeavesItsLowLoadValue() throws IOException {
        RunSummary summary = RunAnalysis.analyze(GoldenRunDirs.copy(temp, GoldenRunDirs.STAIRS_KNEE));

        Knee knee = summary.knee();
        assertTrue(knee.found());
        assertEquals("hold-steps", knee.method());
        assertEquals(300.0, knee.kneeRps());
        assertEquals(400.0, knee.brokenAtRps());
        assertEquals(4, knee.levels().size());
        assertTrue(knee.sentence().startsWith("The knee is at about 300 requests/s"), knee.sentence());
    }

    @Test
    void stepStatisticsComeFromMergedHistogramsAndExactCounts() throws IOException {
        RunSummary summary = RunAnalysis.analyze(GoldenRunDirs.copy(temp, GoldenRunDirs.STAIRS_KNEE));

        StepSummary hold300 = summary.steps().get(3);
        assertEquals("hold-300", hold300.step().name());
        assertEquals(StepKind.HOLD, hold300.step().kind());
        assertEquals(300.0, hold300.intendedRps());
        assertEquals(300.0, hold300.achievedRps());
        assertEquals(2_970, hold300.all().ok());
        assertEquals(30, hold300.all().ko());
        assertEquals(1.0, hold300.all().errorRatePct());
        assertEquals(30L, hold300.all().koByCause().get("http_503"));
        assertEquals(GoldenRuns.LOW_MICROS, hold300.all().latency().p99Micros());
        assertEquals(GoldenRuns.KNEE_MICROS, summary.steps().get(4).all().latency().p99Micros());
        // Measured = the four holds, warm-up left out: 1,000 + 2,000 + 3,000 + 4,000 requests.
        assertEquals(10_000, summary.measured().get("all").count());
        assertEquals(10_000.0, summary.achievedRequests());
        assertEquals(10_000.0, summary.intendedRequests());
        // p99 over all measured requests: 40% are at the knee's 1.9 ms, so p99 is 1.9 ms.
        assertEquals(GoldenRuns.KNEE_MICROS, summary.measured().get("all").latency().p99Micros());
    }

    @Test
    void theMetricThatTracksP99RanksFirstWithItsLead() throws IOException {
        RunSummary summary = RunAnalysis.analyze(GoldenRunDirs.copy(temp, GoldenRunDirs.DRIVER));

        MetricCorrelation top = summary.drivers().get(0);
        assertEquals(SeriesKey.server("primary", "EngineCPUUtilization"), top.series());
        assertEquals(1.0, top.rho(), 1e-12);
        assertEquals(GoldenRuns.DRIVER_LAG_SEC, top.lagSec());
        assertEquals(80, top.samples());
        assertEquals("CurrConnections", summary.drivers().get(1).series().metric());
        assertTrue(Math.abs(summary.drivers().get(1).rho()) < 0.5);
        // p99 left twice its low-load 0.5 ms at L = 1,112 µs, when the metric read (1,112 - 400) / 20.
        assertEquals("p99 follows EngineCPUUtilization@primary (Spearman ρ = 1.00 over 80 s, with the metric 2 s ahead); "
                + "p99 was above twice its low-load 0.5 ms only when EngineCPUUtilization was at or above 35.6.",
                summary.driverSentence());
    }

    @Test
    void plantedPerRequestCostsAreRecoveredExactly() throws IOException {
        RunSummary summary = RunAnalysis.analyze(GoldenRunDirs.copy(temp, GoldenRunDirs.KEYS_STORM));

        RequestCost engine = summary.cost("engine_cpu_micros");
        assertNotNull(engine);
        assertTrue(engine.splitReliable());
        assertEquals(GoldenRuns.JOIN_CPU_MICROS, engine.perRequest().get("join"), 1e-6);
        assertEquals(GoldenRuns.STATUS_CPU_MICROS, engine.perRequest().get("status"), 1e-6);
        assertEquals(GoldenRuns.ENTER_CPU_MICROS, engine.perRequest().get("enter"), 1e-6);
        assertEquals(GoldenRuns.BACKGROUND_CPU_MICROS_PER_SEC, engine.backgroundPerSec(), 1e-6);
        assertEquals(1.0, engine.rSquared(), 1e-9);
        RequestCost commands = summary.cost("commands");
        assertEquals(4.0, commands.perRequest().get("join"), 1e-9);
        assertEquals(6.0, commands.perRequest().get("status"), 1e-9);
        assertEquals(5.0, commands.perRequest().get("enter"), 1e-9);
        RequestCost network = summary.cost("network_bytes");
        assertEquals(500.0, network.perRequest().get("join"), 1e-6);
        assertEquals(300.0, network.perRequest().get("status"), 1e-6);
    }

    @Test
    void aKeysStormStandsOutAtTheTopOfTheCommandCpu() throws IOException {
        RunSummary summary = RunAnalysis.analyze(GoldenRunDirs.copy(temp, GoldenRunDirs.KEYS_STORM));

        CommandCost keys = summary.commands().get(0);
        assertEquals("keys", keys.command());
        assertTrue(keys.linearInSize());
        assertEquals(GoldenRuns.KEYS_MICROS_PER_SEC / GoldenRuns.KEYS_CALLS_PER_SEC, keys.microsPerCall(), 1e-9);
        assertFalse(summary.commands().stream().filter(c -> !c.command().equals("keys"))
                .anyMatch(CommandCost::linearInSize));
        assertEquals(List.of("KEYS took 99% of the server's command CPU at 20000 µs a call: a command whose cost "
                + "grows with the data, on the server during the run (the gateway does not send KEYS; commandstats "
                + "counts every client of the server)."), summary.warnings().stream()
                .filter(w -> w.code() == WarningCode.DATA_WALKING_COMMAND).map(Summary.Warning::message).toList());
    }

    @Test
    void memoryPerUserAndEvictionsAndADroppingPolicyAreReported() throws IOException {
        RunSummary summary = RunAnalysis.analyze(GoldenRunDirs.copy(temp, GoldenRunDirs.KEYS_STORM));

        MemoryPerUser memory = summary.memory();
        assertEquals(GoldenRuns.BYTES_PER_USER, memory.bytesPerUser(), 1e-6);
        assertEquals(GoldenRuns.KEYS_PER_USER, memory.keysPerUser(), 1e-9);
        assertEquals(GoldenRuns.FIXED_BYTES, memory.fixedBytes(), 1e-3);
        assertEquals(3.0, memory.evictedKeys());
        assertTrue(summary.warnings().stream().anyMatch(w -> w.code() == WarningCode.EVICTIONS
                && w.message().startsWith("Redis evicted 3 keys")));
        assertTrue(summary.warnings().stream().anyMatch(w -> w.code() == WarningCode.DROPPING_EVICTION_POLICY
                && w.message().startsWith("maxmemory-policy is allkeys-lru")));
        assertEquals(1, summary.alarms().size());
        assertEquals(75.5, summary.alarms().get(0).peakValue());
    }

    @Test
    void aSaturatedRunSaysSoFirst() throws IOException {
        Path dir = GoldenRuns.knee(temp.resolve("saturated"));
        new GoldenRun(dir, java.util.List.of(new dev.queuebench.profile.Phase("hold-100", 10, 100, 100, false)))
                .requests(0, "status", 100, 0, 500).outcome(RunInfo.OUTCOME_SATURATED).write();

        RunSummary summary = RunAnalysis.analyze(dir);

        assertTrue(summary.info().deliveredNoVerdict());
        assertEquals(WarningCode.INJECTOR_SATURATED, summary.warnings().get(0).code(), summary.warnings().toString());
    }
}
