package dev.queuebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.rundir.JsonFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On {@code jmh/steadiness.json}: a JMH JSON file written by {@code queuebench jmh} (result 0, the admission
 * bucket's EVALSHA on hot keys, 4 threads, no warm-up, 20 × 1 s on the shared 2-core machine: the JIT's climb
 * as recorded) and copies of that result with planted {@code rawData} (results 1 to 4).
 */
class SteadinessTest {
    private static JsonNode results;

    @BeforeAll
    static void readRecordedResults() throws IOException {
        try (InputStream in = SteadinessTest.class.getResourceAsStream("/jmh/steadiness.json")) {
            results = JsonFiles.JSON.readTree(in);
        }
    }

    private static Steadiness judge(int index) {
        return Steadiness.of(IterationScores.ofJmhJson(results.get(index)));
    }

    @Test
    void aColdJvmsRecordedClimbIsFlaggedWithItsHalves() {
        Steadiness climb = judge(0);
        assertEquals(Steadiness.Verdict.TRENDING, climb.verdict());
        assertEquals(1, climb.forkNumber());
        assertEquals(9_866.5, climb.firstHalfMean(), 0.1);
        assertEquals(16_884.4, climb.secondHalfMean(), 0.1);
        assertEquals("rises +71% (fork 1: 9,866 → 16,884)", climb.cell());
    }

    @Test
    void iterationsWithinAPercentAreSteady() {
        Steadiness steady = judge(1);
        assertEquals(Steadiness.Verdict.STEADY, steady.verdict());
        assertEquals("steady", steady.cell());
    }

    @Test
    void wideScatterAboutAFlatLevelIsNoiseNotATrend() {
        // The halves differ by 6%, more than the 5% allowed, but by 0.4 standard errors of their difference.
        Steadiness noisy = judge(2);
        assertEquals(30_000, noisy.firstHalfMean(), 0);
        assertEquals(31_800, noisy.secondHalfMean(), 0);
        assertEquals(Steadiness.Verdict.STEADY, noisy.verdict());
    }

    @Test
    void oneClimbingForkFlagsTheBenchmarkAndIsNamed() {
        Steadiness twoForks = judge(3);
        assertEquals(Steadiness.Verdict.TRENDING, twoForks.verdict());
        assertEquals("rises +91% (fork 2: 16,100 → 30,800)", twoForks.cell());
    }

    @Test
    void threeIterationsAreTooFewToJudge() {
        Steadiness three = judge(4);
        assertEquals(Steadiness.Verdict.UNCHECKED, three.verdict());
        assertEquals("unchecked (< 4 iterations)", three.cell());
    }

    @Test
    void aFallingTimePerOperationIsATrendToo() {
        Steadiness falling = Steadiness.of(List.of(List.of(80.0, 70.0, 50.0, 40.0, 38.0, 39.0)));
        assertEquals(Steadiness.Verdict.TRENDING, falling.verdict());
        assertEquals("falls -42% (fork 1: 66.67 → 39.00)", falling.cell());
    }

    @Test
    void sampleTimeIterationsAreTheMeansOfTheirHistograms() throws IOException {
        JsonNode sampleTime = JsonFiles.JSON.readTree("{\"primaryMetric\": {\"rawDataHistogram\": "
                + "[[[[10.0, 3], [20.0, 1]], [[30.0, 2]]]]}}");
        assertEquals(List.of(List.of(12.5, 30.0)), IterationScores.ofJmhJson(sampleTime));
    }
}
