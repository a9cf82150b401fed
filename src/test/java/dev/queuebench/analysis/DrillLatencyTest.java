package dev.queuebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.rundir.LatencyHlog;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class DrillLatencyTest {
    private static final long DRILL_SEC = 1_000;

    /** 50 requests a second, latencies a long-tailed 2-10 ms as at smoke's rate; {@code slowMicros} from the drill to {@code slowUntil}. */
    private static DrillLatency run(long seed, long slowUntil, long slowMicros) {
        Random random = new Random(seed);
        DrillLatency latency = new DrillLatency(List.of(DRILL_SEC));
        for (long sec = DRILL_SEC - 20; sec < DRILL_SEC + 40; sec++) {
            // Two request names per second, as latency.hlog tags them.
            for (String name : List.of("join", "status")) {
                Histogram histogram = new Histogram(3);
                for (int i = 0; i < 25; i++) {
                    long micros = 2_000 + (long) (-Math.log(1 - random.nextDouble()) * 1_000);
                    histogram.recordValue(sec >= DRILL_SEC && sec < slowUntil ? slowMicros : micros);
                }
                latency.accept(new LatencyHlog.TaggedSecond(sec, name, histogram));
            }
        }
        return latency;
    }

    @Test
    void theLevelIsTheMedianSecondOfTheTenBeforeSoAnEarlierDrillsSlowSecondsDoNotRaiseIt() {
        DrillLatency latency = new DrillLatency(List.of(DRILL_SEC));
        for (long sec = DRILL_SEC - 12; sec < DRILL_SEC; sec++) {
            Histogram histogram = new Histogram(3);
            // 1 ms, but three seconds slow from an earlier drill (a pause's last requests), and two seconds
            // before the window slower still.
            long micros = sec < DRILL_SEC - 10 ? 5_000_000 : sec < DRILL_SEC - 7 ? 1_500_000 : 1_000;
            for (int i = 0; i < 100; i++) {
                histogram.recordValue(micros);
            }
            latency.accept(new LatencyHlog.TaggedSecond(sec, "status", histogram));
        }
        assertEquals(1_000, latency.preDrillP99Micros(DRILL_SEC), 1);
        assertTrue(Double.isNaN(latency.recoverySec(DRILL_SEC, DRILL_SEC + 10, sec -> false)), "no seconds after");
    }

    @Test
    void recoveryIsTheFirstWindowBackWithinTheLevelAndWithoutFailures() {
        DrillLatency latency = run(1, DRILL_SEC + 5, 80_000);
        assertEquals(5, latency.recoverySec(DRILL_SEC, DRILL_SEC + 40, sec -> false));
        // A failure in the first calm seconds pushes it past them.
        assertEquals(7, latency.recoverySec(DRILL_SEC, DRILL_SEC + 40, sec -> sec == DRILL_SEC + 6));
        // Not within the drill's time (the next drill starts, or the run ends).
        assertTrue(Double.isNaN(latency.recoverySec(DRILL_SEC, DRILL_SEC + 7, sec -> false)));
    }

    @Test
    void atALowRateTheSameCalmRecoversAtOnceWhateverTheDraw() {
        // The undisturbed run, 200 draws: a window's pooled p99 against the pooled level recovers in the first
        // seconds; a second's own p99 (its slowest request at 50 a second) three times in a row would not.
        int late = 0;
        for (long seed = 0; seed < 200; seed++) {
            double recovery = run(seed, DRILL_SEC, 0).recoverySec(DRILL_SEC, DRILL_SEC + 40, sec -> false);
            assertTrue(!Double.isNaN(recovery), "seed " + seed);
            if (recovery > 5) {
                late++;
            }
        }
        assertTrue(late <= 10, late + " of 200 undisturbed runs took over 5 s to 'recover'");
    }

    @Test
    void aSecondWithoutRequestsBreaksTheWindow() {
        DrillLatency latency = new DrillLatency(List.of(DRILL_SEC));
        for (long sec = DRILL_SEC - 10; sec < DRILL_SEC + 10; sec++) {
            if (Set.of(DRILL_SEC + 1).contains(sec)) {
                continue;
            }
            Histogram histogram = new Histogram(3);
            histogram.recordValue(1_000);
            latency.accept(new LatencyHlog.TaggedSecond(sec, "status", histogram));
        }
        assertEquals(2, latency.recoverySec(DRILL_SEC, DRILL_SEC + 10, sec -> false));
    }
}
