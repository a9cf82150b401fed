package dev.queuebench.load;

import dev.queuebench.profile.Phase;
import java.util.Locale;
import java.util.Optional;

/**
 * The plan's clock and the console's progress lines. The plan starts when Gatling's run starts (the
 * run record at the head of {@code simulation.log}), not when the harness did: Gatling's JVM takes
 * seconds to start, and counting from the harness would show phases that have not begun and jump
 * back when Gatling's start becomes known. Before that start the console says once that Gatling is
 * starting; after it, a line every {@code everySec} seconds of the plan.
 */
final class ProgressClock {
    static final String STARTING_LINE = "Starting Gatling: the plan's clock starts with its first users";

    private final InjectionPlan plan;
    private final int everySec;
    private boolean announced;
    private int lastPrintedSec;

    ProgressClock(InjectionPlan plan, int everySec) {
        this.plan = plan;
        this.everySec = everySec;
    }

    /**
     * Seconds into the plan, or -1 before Gatling has started.
     *
     * @param gatlingStartMillis Gatling's run start (epoch ms), or null while unknown
     */
    static int planSecond(Long gatlingStartMillis, long nowMillis) {
        return gatlingStartMillis == null ? -1 : (int) (Math.max(0, nowMillis - gatlingStartMillis) / 1000);
    }

    /** The phase under way, or null before Gatling's start and after the injection. */
    Phase phaseNow(Long gatlingStartMillis, long nowMillis) {
        int second = planSecond(gatlingStartMillis, nowMillis);
        return second < 0 ? null : plan.phaseAt(second);
    }

    /** The line to print now, if any. */
    Optional<String> line(Long gatlingStartMillis, long nowMillis, LiveWindow live) {
        int second = planSecond(gatlingStartMillis, nowMillis);
        if (second < 0) {
            if (announced) {
                return Optional.empty();
            }
            announced = true;
            return Optional.of(STARTING_LINE);
        }
        if (second < lastPrintedSec + everySec) {
            return Optional.empty();
        }
        lastPrintedSec = second - second % everySec;
        Phase phase = plan.phaseAt(second);
        return Optional.of(String.format(Locale.ROOT, "[%4ds/%4ds] %-12s intended %8.0f req/s  achieved %8.0f req/s"
                + "  p99 %7.1f ms  KO %d", second, plan.expectedRunSec(), phase == null ? "draining" : phase.name(),
                plan.intendedRps(second), live.responsesPerSec(), live.p99Millis(), live.totalKo()));
    }
}
