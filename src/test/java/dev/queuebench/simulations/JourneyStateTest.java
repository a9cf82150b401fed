package dev.queuebench.simulations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.simulations.JourneyState.Next;
import org.junit.jupiter.api.Test;

/** The user's next request and wait, decided in plain Java so the journey costs few Gatling steps. */
class JourneyStateTest {
    private static JourneyState user(boolean leaves, int polls) {
        return new JourneyState(7, 0, "run-i0", false, leaves, false, polls, 0);
    }

    @Test
    void pollsWhileItHasPollsLeftAndEntersOnceReady() {
        JourneyState journey = user(false, 2);
        assertEquals(Next.STATUS, journey.afterAnswer());
        journey.ready = true;
        assertEquals(Next.ENTER, journey.afterAnswer());
    }

    @Test
    void outOfPollsItLeavesOrIsDone() {
        JourneyState leaver = user(true, 0);
        assertEquals(Next.LEAVE, leaver.afterAnswer());
        JourneyState stayer = user(false, 0);
        assertEquals(Next.DONE, stayer.afterAnswer());
    }

    @Test
    void aLostUserRejoinsAsANewNumberWithTheSameIdAndAFreshIdempotencyKey() {
        JourneyState journey = user(true, 3);
        journey.token = "t-1";
        journey.ready = true;
        journey.lost = true;
        journey.rejoinAs(42);
        assertEquals(42, journey.userNumber);
        assertEquals("run-i0-7", journey.userId);
        assertEquals("rejoin-42-run-i0-7", journey.idempotencyKey);
        assertNull(journey.token);
        assertFalse(journey.ready);
        assertFalse(journey.lost);
        assertEquals(Next.JOIN, journey.afterAnswer());
        // Out of polls with the rejoin still to send, there is nothing to leave: the journey is over.
        journey.pollsLeft = 0;
        assertEquals(Next.DONE, journey.afterAnswer());
    }

    @Test
    void waitsThePollIntervalWithinItsJitterAndNothingBeforeALeave() {
        JourneyState journey = user(true, 3);
        journey.next = Next.STATUS;
        assertEquals(1_500, journey.pauseMillis(2_000, 500, 1_000, 0.0));
        assertEquals(2_500, journey.pauseMillis(2_000, 500, 1_000, 1.0));
        assertEquals(2_000, journey.pauseMillis(2_000, 500, 1_000, 0.5));
        journey.next = Next.LEAVE;
        assertEquals(0, journey.pauseMillis(2_000, 500, 1_000, 0.7));
    }

    @Test
    void afterNotReadyItBacksOffBeforeTheNextPollOnce() {
        JourneyState journey = user(false, 3);
        journey.next = Next.STATUS;
        journey.notReady = true;
        assertEquals(3_000, journey.pauseMillis(2_000, 500, 1_000, 0.5));
        journey.sending(1_000);
        assertEquals(2_000, journey.pauseMillis(2_000, 500, 1_000, 0.5));
    }

    @Test
    void sendingForgetsThePreviousAnswer() {
        JourneyState journey = user(false, 3);
        journey.httpStatus = 200;
        journey.body = "{}";
        journey.twinBeside = true;
        journey.sending(123);
        assertEquals(123, journey.sendMs);
        assertFalse(journey.twinBeside, "a 404 is the losing click's answer only beside its twin");
        assertEquals(0, journey.httpStatus);
        assertNull(journey.body);
        assertTrue(journey.next == Next.JOIN);
    }
}
