package dev.queuebench.profile;

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
    void survivorsAndTheirRemainingRequestsFollowThePolls() {
        JourneyShape journey = new JourneyShape(5, 2_000, 0.2, 0.1, 1);
        assertEquals(1, journey.survivingAt(0), 1e-9);
        // Abandoners choose 1 or 2 polls: half of them are gone after the first poll at 2 s.
        assertEquals(0.95, journey.survivingAt(2), 1e-9);
        assertEquals(0.9, journey.survivingAt(4), 1e-9);
        assertEquals(0, journey.survivingAt(10), 1e-9);
        // Everything after the join: the requests per user less one.
        assertEquals(journey.requestsPerUser() - 1, journey.requestsAfter(0), 1e-9);
        // After 8 s: the fifth poll and the leaves, both at 10 s.
        assertEquals(0.9 + 0.18, journey.requestsAfter(8), 1e-9);
        assertEquals((0.9 + 0.18) * 10, journey.requestSecondsAfter(8), 1e-9);
    }

    @Test
    void theShortestJourneyIsAJoinAStatusAndAnEnter() {
        assertEquals(3, new JourneyShape(10, 2_000, 0.2, 0, 1).fewestRequestsPerUser(), 1e-9);
        assertEquals(2.2, new JourneyShape(1, 2_000, 0.2, 0, 1).fewestRequestsPerUser(), 1e-9);
    }

    @Test
    void invalidShapesNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JourneyShape(0, 2_000, 0.2, 0.1, 1));
        assertEquals("pollsPerUser must be >= 1, was 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JourneyShape(5, 2_000, 1.5, 0.1, 1));
    }
}
