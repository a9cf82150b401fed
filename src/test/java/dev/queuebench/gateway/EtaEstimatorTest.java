package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EtaEstimatorTest {
    private final EtaEstimator estimator = new EtaEstimator(50);

    @Test
    void headOfQueueHasNoWait() {
        assertEquals(0, estimator.etaSec(1, new long[] {0, 0, 0}));
    }

    @Test
    void withoutAdmissionsTheRefillRateIsTheEstimate() {
        // 99 people ahead at 50/s.
        assertEquals(2, estimator.etaSec(100, new long[] {0, 0, 0}));
    }

    @Test
    void recentWindowsWeighMost() {
        // 0.5 × 600/60 + 0.3 × 600/300 + 0.2 × 600/900 = 5.7333/s; 1000 ahead → ceil(174.4) = 175 s.
        assertEquals(175, estimator.etaSec(1001, new long[] {600, 600, 600}));
        // A quiet last minute after a busy quarter hour: 0.3 × 1500/300 + 0.2 × 9000/900 = 3.5/s → 286 s.
        assertEquals(286, estimator.etaSec(1001, new long[] {0, 1500, 9000}));
    }

    @Test
    void rejectsAWrongNumberOfWindows() {
        assertThrows(IllegalArgumentException.class, () -> estimator.etaSec(5, new long[] {1, 2}));
    }
}
