package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.queuebench.profile.JourneyShape;
import dev.queuebench.profile.LoadProfile;
import dev.queuebench.profile.Phase;
import dev.queuebench.profile.ProfileCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionPlanTest {
    private static final JourneyShape JOURNEY = new JourneyShape(5, 2_000, 0.2, 0.1, 1);

    @Test
    void candidatesAreInjectedAtTheShortestJourneysRateWithHeadroom() {
        LoadProfile profile = new LoadProfile("t", "test", List.of(
                new Phase("warmup", 10, 0, 59, true),
                new Phase("hold", 60, 590, 590, false)), JOURNEY, null, false);
        InjectionPlan plan = new InjectionPlan(profile);
        // The shortest journey: 0.9 × 3 + 0.1 × (2 + 3) / 2 = 2.95 requests; 590 ÷ 2.95 × 1.25 = 250 candidates/s.
        assertEquals(2.95, JOURNEY.fewestRequestsPerUser(), 1e-9);
        assertEquals(250, plan.steps().get(1).candidatesPerSec().fromPerSec(), 1e-9);
        // The warm-up ends within a journey (10 s) of the hold, so its ceiling is the hold's.
        assertEquals("10:250.0000:250.0000;60:250.0000:250.0000", plan.gatlingInjection());
        assertEquals("10:0.0000:59.0000;60:590.0000:590.0000", plan.gatlingRequestRate());
    }

    @Test
    void aLongerShortestJourneyLowersTheCeiling() {
        LoadProfile profile = new LoadProfile("t", "test", List.of(new Phase("hold", 60, 800, 800, false)), JOURNEY,
                null, false);
        // 800 × 1.25 ÷ 8 = 125 candidates/s instead of 800 × 1.25 ÷ 2.95.
        assertEquals(125, new InjectionPlan(profile, 8).candidatesPerSec(10), 1e-9);
        assertEquals(800 * 1.25 / 2.95, new InjectionPlan(profile).candidatesPerSec(10), 1e-9);
    }

    @Test
    void aPhaseFarFromTheNextKeepsItsOwnPeakAndAnEmptyPhaseInjectsNobody() {
        LoadProfile profile = new LoadProfile("t", "test", List.of(new Phase("hold-1", 30, 59, 59, false),
                new Phase("hold-2", 30, 118, 118, false), new Phase("polling", 30, 0, 0, false)), JOURNEY, null, false);
        InjectionPlan plan = new InjectionPlan(profile);
        // hold-1 injects for its own rate until the last journey lifetime (10 s) before hold-2, then for hold-2's.
        assertEquals("20:25.0000:25.0000;10:50.0000:50.0000;30:50.0000:50.0000;30:0.0000:0.0000",
                plan.gatlingInjection());
        assertEquals(25, plan.candidatesPerSec(0), 1e-9);
        assertEquals(0, plan.candidatesPerSec(75), 1e-9);
        assertEquals(60, plan.lastInjectionSec(), "the quiet polling phase injects nobody");
    }

    @Test
    void theIntendedRateIsThePhasesPlannedRate() {
        LoadProfile profile = new LoadProfile("t", "test", List.of(new Phase("ramp", 10, 0, 100, false),
                new Phase("hold", 60, 100, 100, false)), JOURNEY, null, false);
        InjectionPlan plan = new InjectionPlan(profile);
        assertEquals(5, plan.intendedRps(0), 1e-9);
        assertEquals(95, plan.intendedRps(9), 1e-9);
        assertEquals(100, plan.intendedRps(30), 1e-9);
        assertEquals(0, plan.intendedRps(70), 1e-9);
        // After the injection the last users finish their journeys.
        assertEquals(80, plan.expectedRunSec());
    }

    @Test
    void phasesAreFoundBySecond() {
        LoadProfile profile = ProfileCatalog.named("smoke");
        InjectionPlan plan = new InjectionPlan(profile);
        assertEquals("warmup", plan.phaseAt(0).name());
        assertEquals("ramp-1", plan.phaseAt(10).name());
        assertEquals("hold-50", plan.phaseAt(64).name());
        assertNull(plan.phaseAt(65));
        assertEquals(15, plan.phaseStartSec(plan.phaseAt(20)));
    }
}
