package dev.queuebench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TooFewRequestsTest {
    @Test
    void aStepThatIsNotAHoldSaysHowManySecondsOfItWouldDo() {
        // All measured steps together: 300 status requests over 25 s is 12 a second; 500 ÷ 12 = 41.7 → 42 s.
        assertEquals("p99_ms rests on 300 requests, fewer than the 500 it needs (5 beyond it): too few to judge; "
                + "at the 12.0 requests/s of this kind (300 in 25 s), 42 s of this step gives them, or judge a wider "
                + "group such as 'all'", TooFewRequests.evidence("p99_ms", new RequestSample(300, 25, false), 500, 5));
    }

    @Test
    void aKindThatNeverCameCannotBeLengthenedIntoEnough() {
        assertEquals("p999_ms rests on 0 requests, fewer than the 5,000 it needs (5 beyond it): too few to judge; "
                + "judge a wider group such as 'all'",
                TooFewRequests.evidence("p999_ms", new RequestSample(0, 20, true), 5_000, 5));
    }
}
