package dev.queuebench.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileCatalogTest {
    @Test
    void everyProfileTheIssueNamesExists() {
        assertEquals(List.of("smoke", "baseline-10k", "target-30k", "stairs", "ticket-open"), ProfileCatalog.names());
    }

    @Test
    void target30kHoldsEachLevel() {
        LoadProfile profile = ProfileCatalog.named("target-30k");
        List<Double> holds = profile.phases().stream().filter(Phase::isHold).map(Phase::fromRps).toList();
        assertEquals(List.of(10_000.0, 20_000.0, 30_000.0), holds);
        assertEquals(30_000, profile.peakRps(), 1e-9);
    }

    @Test
    void stairsClimbInEqualStepsWithAStopRule() {
        LoadProfile profile = ProfileCatalog.named("stairs");
        List<Double> holds = profile.phases().stream().filter(Phase::isHold).map(Phase::fromRps).toList();
        assertEquals(20, holds.size());
        assertEquals(2_000, holds.get(0), 1e-9);
        assertEquals(40_000, holds.get(19), 1e-9);
        assertEquals(new StopRule(500, 1), profile.stopRule());
    }

    @Test
    void scaleAndDurationOverrides() {
        LoadProfile profile = ProfileCatalog.named("baseline-10k").scaled(0.1).withHoldSec(30).withWarmupSec(5);
        assertEquals(1_000, profile.peakRps(), 1e-9);
        assertEquals(5 + 60 + 30, profile.durationSec());
        assertTrue(profile.phases().get(0).warmup());
    }

    @Test
    void unknownProfileListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfileCatalog.named("huge"));
        assertTrue(e.getMessage().contains("[smoke, baseline-10k, target-30k, stairs, ticket-open]"));
    }
}
