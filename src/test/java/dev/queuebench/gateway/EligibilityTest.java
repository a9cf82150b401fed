package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityTest {
    private final Eligibility eligibility = new Eligibility(100);

    @ParameterizedTest(name = "position {0} after {1} ms -> {2}")
    @CsvSource({
        "1, 0, true", "10, 0, true",
        "11, 1999, false", "11, 2000, true", "50, 2000, true",
        "51, 4999, false", "51, 5000, true", "100, 60000, true",
        "101, 60000, false", "0, 60000, false",
    })
    void minimumWaitGrowsWithPosition(long position, long waitedMillis, boolean ready) {
        assertEquals(ready, eligibility.isReady(position, waitedMillis));
    }
}
