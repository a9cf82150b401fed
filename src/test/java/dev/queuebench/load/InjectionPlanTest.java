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
    void theSimulationGetsThePlannedRequestRateAndAQuietLastPhaseEndsInjectionBeforeIt() {
        LoadProfile profile = new LoadProfile("t", "test", List.of(new Phase("warmup", 10, 0, 59, true),
                new Phase("hold", 30, 590, 590, false), new Phase("polling", 30, 0, 0, false)), JOURNEY, null, false);
        InjectionPlan plan = new InjectionPlan(profile);
        assertEquals("10:0.0000:59.0000;30:590.0000:590.0000;30:0.0000:0.0000", plan.gatlingRequestRate());
        assertEquals(40, plan.lastInjectionSec(), "the quiet polling phase starts no journey");
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
