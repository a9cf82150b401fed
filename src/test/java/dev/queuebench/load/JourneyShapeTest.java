package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JourneyShapeTest {
    @Test
    void requestsPerUserCountsJoinPollsAbandonersAndLeaves() {
        JourneyShape journey = new JourneyShape(5, 2_000, 0.2, 0.1, 1);
        // 1 join + 0.9 × 5 polls + 0.1 × (1 + 2) / 2 abandoner polls + 0.9 × 0.2 leaves = 5.83
        assertEquals(5.83, journey.requestsPerUser(), 1e-9);
    }

    @Test
    void requestsAreSpreadOverTheSecondsOfTheJourney() {
        JourneyShape journey = new JourneyShape(5, 2_000, 0.2, 0.1, 1);
        double[] expected = {1, 0, 1.0, 0, 0.95, 0, 0.9, 0, 0.9, 0, 0.9 + 0.18};
        assertArrayEquals(expected, journey.requestWeightsBySecond(), 1e-9);
        assertEquals(10, journey.lifetimeSec());
    }

    @Test
    void invalidShapesNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JourneyShape(0, 2_000, 0.2, 0.1, 1));
        assertEquals("pollsPerUser must be >= 1, was 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JourneyShape(5, 2_000, 1.5, 0.1, 1));
    }
}
