package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionPlanTest {
    private static final JourneyShape JOURNEY = new JourneyShape(5, 2_000, 0.2, 0.1, 1);

    @Test
    void requestRatesBecomeArrivalRates() {
        LoadProfile profile = new LoadProfile("t", "test", List.of(
                new Phase("warmup", 10, 0, 58.3, true),
                new Phase("hold", 60, 583, 583, false)), JOURNEY, null, false);
        InjectionPlan plan = new InjectionPlan(profile);
        // 583 requests/s ÷ 5.83 requests per user = 100 users/s.
        assertEquals(100, plan.steps().get(1).fromUsersPerSec(), 1e-9);
        assertEquals("10:0.0000:10.0000;60:100.0000:100.0000", plan.gatlingInjection());
    }

    @Test
    void intendedRequestRateReachesTheHoldOnceJourneysAreUnderWay() {
        LoadProfile profile = new LoadProfile("t", "test", List.of(new Phase("hold", 60, 583, 583, false)), JOURNEY, null, false);
        InjectionPlan plan = new InjectionPlan(profile);
        // Second 0: only joins (100). From second 10 every journey stage is in flight: 583.
        assertEquals(100, plan.intendedRps(0), 1e-9);
        assertEquals(583, plan.intendedRps(30), 1e-9);
        // After the injection the last users finish their journeys.
        assertEquals(70, plan.expectedRunSec());
        assertEquals(0.9 * 0.2 * 100 + 0.9 * 100, plan.intendedRps(69), 1e-9);
        assertEquals(0, plan.intendedRps(70), 1e-9);
    }

    @Test
    void phasesAreFoundBySecond() {
        LoadProfile profile = ProfileCatalog.named("smoke");
        InjectionPlan plan = new InjectionPlan(profile);
        assertEquals("warmup", plan.phaseAt(0).name());
        assertEquals("ramp-1", plan.phaseAt(10).name());
        assertEquals("hold-50", plan.phaseAt(34).name());
        assertNull(plan.phaseAt(35));
        assertEquals(15, plan.phaseStartSec(plan.phaseAt(20)));
    }
}
