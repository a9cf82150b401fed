package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.rundir.RunOutcome;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StopEvaluatorTest {
    private static final String GATEWAY = "http://127.0.0.1:8080";
    private static final long DEADLINE_MILLIS = 100_000;

    private final StopEvaluator stops = new StopEvaluator(GATEWAY, DEADLINE_MILLIS);

    @Test
    void aHealthyRunNeverStopsAndEndsCompletedWithoutReason() {
        for (int second = 0; second < 60; second++) {
            assertEquals(Optional.empty(), stops.onPoll());
            assertEquals(Optional.empty(), stops.onSecond(0.01, 20, second * 1000L, null));
        }
        assertEquals(new StopEvaluator.Ending(RunOutcome.COMPLETED, null),
                stops.finish(true, 0, Path.of("console.log"), 0, null));
    }

    @Test
    void aGatlingThatStopsInjectingEarlyByItselfIsNeverCompleted() {
        // Seen 2026-12-02: saturated at ~14k requests/s on 2 cores, Gatling ended 93 s into a 140 s plan.
        String early = StopEvaluator.earlyEnd(1_000_000, 120, 1_000_000 + 87_400);

        assertEquals("Gatling stopped injecting users 87 s into a plan that injects for 120 s, without being asked to "
                + "stop: the run did not deliver its plan (see gatling/console.log)", early);
        assertEquals(new StopEvaluator.Ending(RunOutcome.INJECTOR_SATURATED, early),
                stops.unlessEndedEarly(stops.finish(true, 0, Path.of("console.log"), 0, null), early));
    }

    @Test
    void aLastUserWithinTheSlackOfThePlansEndIsOnTime() {
        assertNull(StopEvaluator.earlyEnd(1_000_000, 120, 1_000_000 + 119_600));
        assertNull(StopEvaluator.earlyEnd(1_000_000, 120, 1_000_000 + 115_000));
        assertEquals("Gatling stopped injecting users 0 s into a plan that injects for 120 s, without being asked to "
                + "stop: the run did not deliver its plan (see gatling/console.log)",
                StopEvaluator.earlyEnd(1_000_000, 120, Long.MIN_VALUE));
    }

    @Test
    void aRunTheHarnessStoppedKeepsItsOwnOutcome() {
        stops.abort("interrupted by SIGINT (Ctrl-C)");
        stops.onPoll();
        StopEvaluator.Ending aborted = stops.finish(true, 130, Path.of("console.log"), 0, null);

        assertEquals(aborted, stops.unlessEndedEarly(aborted, StopEvaluator.earlyEnd(1_000_000, 120, 1_030_000)));
    }

    @Test
    void anAbortStopsAtTheNextPollWithItsReasonAndWinsOverLaterConditions() {
        stops.abort("interrupted by SIGINT (Ctrl-C)");

        StopEvaluator.Stop stop = stops.onPoll().orElseThrow();

        assertEquals(RunOutcome.ABORTED, stop.outcome());
        assertEquals("interrupted by SIGINT (Ctrl-C)", stop.reason());
        assertEquals(StopEvaluator.ABORT_GRACE_MILLIS, stop.graceMillis());
        assertTrue(stop.graceful(), "through the simulation, so its log is complete");
        assertEquals(Optional.empty(), stops.onPoll(), "Gatling is stopped once");
        assertEquals(Optional.empty(), stops.onSecond(1.0, 5_000, DEADLINE_MILLIS + 1, "step broke"));
        assertEquals(new StopEvaluator.Ending(RunOutcome.ABORTED, "interrupted by SIGINT (Ctrl-C)"),
                stops.finish(true, 143, Path.of("console.log"), 0, "the injector was busy"));
    }

    @Test
    void aTargetRefusingNearlyEverythingForFiveSecondsInARowHasFailed() {
        for (int second = 0; second < 4; second++) {
            assertEquals(Optional.empty(), stops.onSecond(0.97, 0, second * 1000L, null));
        }
        // A second that gets answers starts the count again.
        assertEquals(Optional.empty(), stops.onSecond(0.5, 0, 4_000, null));
        for (int second = 5; second < 9; second++) {
            assertEquals(Optional.empty(), stops.onSecond(1.0, 0, second * 1000L, null));
        }

        StopEvaluator.Stop stop = stops.onSecond(1.0, 0, 9_000, null).orElseThrow();

        assertEquals(RunOutcome.TARGET_FAILED, stop.outcome());
        assertEquals("the target at http://127.0.0.1:8080 stopped answering: 100% of requests in the last seconds "
                + "were refused or timed out", stop.reason());
        assertEquals(stop.reason() + "; stopping the run", stop.consoleLine());
    }

    @Test
    void aGcPauseOverThreeSecondsMeansTheInjectorsHeapIsExhausted() {
        assertEquals(Optional.empty(), stops.onSecond(0, 3_000, 0, null));

        StopEvaluator.Stop stop = stops.onSecond(0, 3_210.4, 1_000, null).orElseThrow();

        assertEquals(RunOutcome.INJECTOR_SATURATED, stop.outcome());
        assertEquals("the injector paused 3210 ms for GC: its heap is exhausted; give it more (--injector-heap-mb), "
                + "use more injectors (--injector-count) or a smaller --scale", stop.reason());
    }

    @Test
    void anInjectorOutOfFileDescriptorsStopsTheRunAsItsOwnFailure() {
        assertEquals(Optional.empty(), stops.onInjectorOutOfFiles(0, null));

        StopEvaluator.Stop stop = stops.onInjectorOutOfFiles(206, 20_000L).orElseThrow();

        assertEquals(RunOutcome.INJECTOR_SATURATED, stop.outcome());
        assertTrue(stop.graceful(), "stopped through the simulation, so its log keeps every record");
        assertTrue(stop.reason().startsWith("the injector ran out of file descriptors: 206 requests could not open a "
                + "connection (\"Too many open files\"; its limit is 20000)"), stop.reason());
        assertTrue(stop.reason().contains("not the target's") && stop.reason().contains("ulimit -n")
                && stop.reason().contains("--injector-count"), stop.reason());
        assertEquals(Optional.empty(), stops.onInjectorOutOfFiles(900, 20_000L), "decided once");
        assertEquals(new StopEvaluator.Ending(RunOutcome.INJECTOR_SATURATED, stop.reason()),
                stops.finish(true, 0, Path.of("console.log"), 0, null));
    }

    @Test
    void aGatlingRunningPastItsDeadlineHasFallenBehind() {
        assertEquals(Optional.empty(), stops.onSecond(0, 0, DEADLINE_MILLIS, null));

        StopEvaluator.Stop stop = stops.onSecond(0, 0, DEADLINE_MILLIS + 1, null).orElseThrow();

        assertEquals(RunOutcome.INJECTOR_SATURATED, stop.outcome());
        assertTrue(stop.reason().startsWith("Gatling was still running 30 s after the plan"), stop.reason());
    }

    @Test
    void aBrokenStairsStepStopsTheClimbButTheRunStillCompleted() {
        StopEvaluator.Stop stop = stops.onSecond(0, 0, 1_000, "stopped after step hold-4000: p99 612.0 ms")
                .orElseThrow();

        assertEquals(RunOutcome.COMPLETED, stop.outcome());
        assertEquals("stopped after step hold-4000: p99 612.0 ms; stopping the climb", stop.consoleLine());
        assertEquals(new StopEvaluator.Ending(RunOutcome.COMPLETED, "stopped after step hold-4000: p99 612.0 ms"),
                stops.finish(true, 0, Path.of("console.log"), 0, "the injector was busy"));
    }

    @Test
    void aGatlingThatWroteNothingFailedTheTargetAndNamesItsConsole() {
        StopEvaluator.Ending ending = stops.finish(false, 1, Path.of("run/gatling/console.log"), 0, null);

        assertEquals(RunOutcome.TARGET_FAILED, ending.outcome());
        assertEquals("Gatling exited with code 1 before writing any result; see run/gatling/console.log",
                ending.reason());
    }

    @Test
    void theEndAddsACutOffLogOrASaturatedInjectorOnlyWhenNothingElseWasSaid() {
        assertEquals(new StopEvaluator.Ending(RunOutcome.COMPLETED,
                        "simulation.log ends in an incomplete record (17 bytes)"),
                new StopEvaluator(GATEWAY, DEADLINE_MILLIS).finish(true, 0, Path.of("c"), 17, "busy"));
        StopEvaluator.Ending saturated = new StopEvaluator(GATEWAY, DEADLINE_MILLIS).finish(true, 0, Path.of("c"), 0,
                "the injector sent 80% of the plan");
        assertEquals(RunOutcome.INJECTOR_SATURATED, saturated.outcome());
        assertEquals("the injector sent 80% of the plan. Use shared connections, more injectors (--injector-count), "
                + "or a smaller --scale.", saturated.reason());
        assertNull(new StopEvaluator(GATEWAY, DEADLINE_MILLIS).finish(true, 0, Path.of("c"), 0, null).reason());
    }
}
