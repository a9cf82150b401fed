package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.record.RunRecorder;
import dev.queuebench.rundir.DrillWindow;
import dev.queuebench.rundir.RunOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutageWatchTest {
    private static final StopEvaluator.Ending COMPLETED = new StopEvaluator.Ending(RunOutcome.COMPLETED, null);

    @Test
    void secondsWithMostRequestsFailingAreAnOutageUnlessADrillExplainsThem() {
        OutageWatch watch = new OutageWatch();
        watch.onSecondClosed(second(99, 50, 0));
        for (long sec = 100; sec <= 102; sec++) {
            watch.onSecondClosed(second(sec, 50, 40));
        }
        watch.onSecondClosed(second(104, 50, 30)); // bridged: one quiet second between
        watch.onSecondClosed(second(110, 50, 20)); // 40% failed: not an outage second
        watch.onSecondClosed(second(111, 3, 3)); // too few requests to call

        StopEvaluator.Ending ending = watch.unlessOutage(COMPLETED, List.of());
        assertEquals(RunOutcome.TARGET_FAILED, ending.outcome());
        assertTrue(ending.reason().contains("most requests failed for 5 s") && ending.reason().contains("150 of 200"),
                ending.reason());

        assertEquals(COMPLETED, watch.unlessOutage(COMPLETED, List.of(new DrillWindow(97_500L, 97_600L))),
                "a drill 2.5 s before explains it");
        assertEquals(RunOutcome.TARGET_FAILED, watch.unlessOutage(COMPLETED,
                List.of(new DrillWindow(80_000L, 80_100L))).outcome(), "a drill 20 s before does not");
        assertEquals(COMPLETED, watch.unlessOutage(COMPLETED, List.of(new DrillWindow(60_000L, 95_000L))),
                "a slow drill that acted until 5 s before does");
        StopEvaluator.Ending aborted = new StopEvaluator.Ending(RunOutcome.ABORTED, "interrupted");
        assertEquals(aborted, watch.unlessOutage(aborted, List.of()), "an aborted run stays aborted");
    }

    private static RunRecorder.ClosedSecond second(long epochSec, long sent, long ko) {
        return new RunRecorder.ClosedSecond(epochSec, sent, ko, 0, null);
    }
}
