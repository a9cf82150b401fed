package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.profile.ProfileCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressClockTest {
    private static final long HARNESS_START_MILLIS = 1_764_581_400_000L;

    private final InjectionPlan plan = new InjectionPlan(ProfileCatalog.named("smoke"));
    private final LiveWindow live = new LiveWindow();

    @Test
    void beforeGatlingStartsTheConsoleSaysSoOnceAndShowsNoPhase() {
        ProgressClock clock = new ProgressClock(plan, 5);
        List<String> lines = new ArrayList<>();
        for (int second = 1; second <= 18; second++) {
            clock.line(null, HARNESS_START_MILLIS + second * 1000L, live).ifPresent(lines::add);
            assertEquals(null, clock.phaseNow(null, HARNESS_START_MILLIS + second * 1000L));
        }

        assertEquals(List.of(ProgressClock.STARTING_LINE), lines);
    }

    @Test
    void thePlansClockCountsFromGatlingsStartAndNeverGoesBack() {
        ProgressClock clock = new ProgressClock(plan, 5);
        // Gatling's JVM took 16 s to start: the harness has been ticking since.
        for (int second = 1; second <= 16; second++) {
            clock.line(null, HARNESS_START_MILLIS + second * 1000L, live);
        }
        long gatlingStartMillis = HARNESS_START_MILLIS + 16_300;
        List<String> lines = new ArrayList<>();
        for (int tick = 1; tick <= 21; tick++) {
            clock.line(gatlingStartMillis, gatlingStartMillis + tick * 1000L + 50, live).ifPresent(lines::add);
        }

        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("[   5s/  75s] warmup       intended"), lines.get(0));
        assertTrue(lines.get(1).startsWith("[  10s/  75s] ramp-1       intended"), lines.get(1));
        assertTrue(lines.get(2).startsWith("[  15s/  75s] hold-50      intended       50 req/s"), lines.get(2));
        assertTrue(lines.get(3).startsWith("[  20s/  75s] hold-50"), lines.get(3));
    }

    @Test
    void thePhaseOfASecondIsThePlansFromGatlingsStart() {
        ProgressClock clock = new ProgressClock(plan, 5);
        long gatlingStartMillis = HARNESS_START_MILLIS + 15_000;

        assertEquals("warmup", clock.phaseNow(gatlingStartMillis, gatlingStartMillis + 9_999).name());
        assertEquals("ramp-1", clock.phaseNow(gatlingStartMillis, gatlingStartMillis + 10_000).name());
        assertEquals(0, ProgressClock.planSecond(gatlingStartMillis, gatlingStartMillis - 200));
        assertEquals(-1, ProgressClock.planSecond(null, gatlingStartMillis));
        assertEquals(Optional.empty(), Optional.ofNullable(clock.phaseNow(gatlingStartMillis,
                gatlingStartMillis + 65_000)));
    }
}
